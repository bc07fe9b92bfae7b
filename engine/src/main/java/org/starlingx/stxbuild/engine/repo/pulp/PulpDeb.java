package org.starlingx.stxbuild.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.starlingx.stxbuild.engine.reuse.BuildRecord;

/** Pulp's deb plugin: apt repositories, packages, remotes and apt publications. */
public final class PulpDeb {
  private static final String API = "/pulp/api/v3/";
  private static final String PACKAGES = API + "content/deb/packages/";
  private static final String PUBLICATIONS = API + "publications/deb/apt/";
  private static final String REMOTES = API + "remotes/deb/apt/";

  /** How a remote fetches packages: at sync time, or when a client first asks for them. */
  public enum Policy {
    IMMEDIATE("immediate"),
    ON_DEMAND("on_demand");

    private final String apiValue;

    Policy(String apiValue) {
      this.apiValue = apiValue;
    }
  }

  /**
   * An upstream apt repository to mirror.
   *
   * @param url the repository root, where {@code dists/} is
   * @param distributions space-separated suites, for example {@code bookworm bookworm-updates}
   * @param components space-separated components, or null for all
   * @param architectures space-separated architectures, or null for all
   */
  public record RemoteSpec(
      String name,
      URI url,
      String distributions,
      String components,
      String architectures,
      Policy policy) {}

  /**
   * The package content for a file, and whether this call sent its bytes.
   *
   * @param contentHref the package content's href
   * @param uploaded true when the file had to be sent; false when Pulp had it already
   */
  public record Ensured(String contentHref, boolean uploaded) {}

  /**
   * Package content hrefs by file sha256, as answers named them: a build that reuses a record adds
   * the record's packages to its session, and the record's lookup named their hrefs already, so
   * adding them costs no query per file. Content is never changed in place; only hrefs seen are
   * kept, never "not found".
   */
  private final Map<String, String> packageHrefs = new java.util.concurrent.ConcurrentHashMap<>();

  private final PulpHttp http;
  private final PulpTasks tasks;
  private final PulpArtifacts artifacts;
  private final PulpRepositories repositories;
  private final PulpPackageImport imports;
  private final java.util.concurrent.atomic.AtomicBoolean batchImport =
      new java.util.concurrent.atomic.AtomicBoolean(true);

  /** Builds in this process adding the same new file at once make its package once. */
  private final SingleFlight<String, Ensured> ensuring = new SingleFlight<>();

  PulpDeb(PulpHttp http, PulpTasks tasks, PulpArtifacts artifacts) {
    this.http = http;
    this.tasks = tasks;
    this.artifacts = artifacts;
    this.repositories = new PulpRepositories(http, tasks, "deb/apt");
    this.imports = new PulpPackageImport(http, tasks, repositories);
  }

  /** Apt repositories and distributions. */
  public PulpRepositories repositories() {
    return repositories;
  }

  /**
   * Package content for a batch of {@code .deb} files in one Pulp task; files Pulp holds are not
   * sent. See {@link PulpPackageImport}.
   */
  PulpPackageImport.Imported importPackages(List<Path> debs) {
    return imports.importPackages(debs);
  }

  /** Claims on building package inputs, as file repositories of unique names. */
  public org.starlingx.stxbuild.engine.reuse.BuildClaims buildClaims() {
    return new PulpBuildClaims(http, tasks);
  }

  /** Build records kept as labels on package content. */
  public org.starlingx.stxbuild.engine.reuse.BuildRecords buildRecords() {
    return new PulpBuildRecords(http, this::remember);
  }

  void remember(String sha256, String contentHref) {
    if (!sha256.isEmpty() && !contentHref.isEmpty()) {
      packageHrefs.put(sha256, contentHref);
    }
  }

  /** The package content's href and fields for a file's sha256, if Pulp has it. */
  Optional<com.fasterxml.jackson.databind.JsonNode> packageFields(String sha256, String fields) {
    return http.list(PACKAGES, Map.of("sha256", sha256, "fields", fields)).stream().findFirst();
  }

  /** Whether batches go through {@link #importPackages}; off once Pulp could not fetch one. */
  boolean batchImportEnabled() {
    return batchImport.get();
  }

  void disableBatchImport() {
    batchImport.set(false);
  }

  /** Uploads a {@code .deb} and adds the package to the repository in one task. */
  public PulpTask uploadPackage(Path deb, String repositoryHref) {
    return tasks.waitForAccepted(
        http.postFile(PACKAGES, Map.of("repository", repositoryHref), "file", deb));
  }

  /**
   * The package content for a {@code .deb}: the one Pulp has for this sha256, or one made now from
   * the artifact Pulp has, or from the file sent now. The file is sent only when Pulp has neither.
   */
  public Ensured ensurePackage(Path deb, String sha256) {
    SingleFlight.Outcome<Ensured> outcome = ensuring.run(sha256, () -> findOrCreate(deb, sha256));
    Ensured ensured = outcome.value();
    return outcome.computedHere() ? ensured : new Ensured(ensured.contentHref(), false);
  }

  private Ensured findOrCreate(Path deb, String sha256) {
    Optional<String> existing = findPackage(sha256);
    if (existing.isPresent()) {
      return new Ensured(existing.get(), false);
    }
    try {
      Optional<String> artifact = artifacts.find(sha256);
      if (artifact.isPresent()) {
        return new Ensured(createPackage(artifact.get()), false);
      }
      return new Ensured(createPackageFromUpload(artifacts.stage(deb)), true);
    } catch (PulpException e) {
      // Another process may have created the same package from the same file just now.
      return new Ensured(findPackage(sha256).orElseThrow(() -> e), true);
    }
  }

  /** The href of the package content whose file has this sha256, if Pulp has one. */
  public Optional<String> findPackage(String sha256) {
    return http.list(PACKAGES, Map.of("sha256", sha256, "fields", "pulp_href")).stream()
        .findFirst()
        .map(node -> node.path("pulp_href").asText());
  }

  /**
   * The href of a package a build record found by this client names (the record's lookup returned
   * it), else asks Pulp as {@link #findPackage} does. Only for adding a just-found record's files:
   * whether Pulp still has a file is always asked ({@link #findPackage}), as retention may have
   * removed it since.
   */
  public Optional<String> recordedPackage(String sha256) {
    String named = packageHrefs.get(sha256);
    return named != null ? Optional.of(named) : findPackage(sha256);
  }

  /** Creates package content from an artifact Pulp already holds; returns the content href. */
  public String createPackage(String artifactHref) {
    PulpTask task = tasks.waitForAccepted(http.post(PACKAGES, Map.of("artifact", artifactHref)));
    return task.createdResource("/content/deb/packages/");
  }

  /** Creates package content from a staged upload in one task; returns the content href. */
  public String createPackageFromUpload(String uploadHref) {
    PulpTask task = tasks.waitForAccepted(http.post(PACKAGES, Map.of("upload", uploadHref)));
    return task.createdResource("/content/deb/packages/");
  }

  /** Which of these package contents a repository version holds (asked 50 at a time). */
  public java.util.Set<String> heldIn(String repositoryVersionHref, List<String> contentHrefs) {
    java.util.Set<String> held = new java.util.HashSet<>();
    for (int from = 0; from < contentHrefs.size(); from += 50) {
      List<String> part = contentHrefs.subList(from, Math.min(contentHrefs.size(), from + 50));
      http.list(
              PACKAGES,
              Map.of(
                  "repository_version",
                  repositoryVersionHref,
                  "pulp_href__in",
                  String.join(",", part),
                  "fields",
                  "pulp_href"))
          .forEach(node -> held.add(node.path("pulp_href").asText()));
    }
    return held;
  }

  /** Package names and versions in a repository version, as {@code name=version}. */
  public List<String> packagesIn(String repositoryVersionHref) {
    return http
        .list(
            PACKAGES,
            Map.of("repository_version", repositoryVersionHref, "fields", "package,version"))
        .stream()
        .map(node -> node.path("package").asText() + "=" + node.path("version").asText())
        .toList();
  }

  /**
   * The binary packages of one source package in a repository version, as file name and sha256. A
   * binary named like its source may carry no {@code Source} field (dpkg leaves it out then), so
   * those are asked for by package name too.
   */
  public List<BuildRecord.Deb> builtFrom(String repositoryVersionHref, String source) {
    Map<String, BuildRecord.Deb> bySha = new LinkedHashMap<>();
    for (String filter : List.of("source", "package")) {
      for (JsonNode node :
          http.list(
              PACKAGES,
              Map.of(
                  "repository_version",
                  repositoryVersionHref,
                  filter,
                  source,
                  "fields",
                  "relative_path,sha256,source"))) {
        String from = node.path("source").asText("");
        if (filter.equals("package") && !from.isEmpty() && !from.equals(source)) {
          continue; // a binary that merely shares the name, from another source
        }
        String path = node.path("relative_path").asText();
        String sha256 = node.path("sha256").asText();
        bySha.putIfAbsent(
            sha256, new BuildRecord.Deb(path.substring(path.lastIndexOf('/') + 1), sha256));
      }
    }
    return List.copyOf(bySha.values());
  }

  /** Creates a remote for an upstream apt repository; returns its href. */
  public String createRemote(RemoteSpec spec, Map<String, String> labels) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", spec.name());
    body.put("url", spec.url().toString());
    body.put("distributions", spec.distributions());
    if (spec.components() != null) {
      body.put("components", spec.components());
    }
    if (spec.architectures() != null) {
      body.put("architectures", spec.architectures());
    }
    body.put("policy", spec.policy().apiValue);
    body.put("pulp_labels", labels);
    return http.post(REMOTES, body).path("pulp_href").asText();
  }

  /** The remote of that exact name, if any. */
  public Optional<String> findRemote(String name) {
    return http.list(REMOTES, Map.of("name", name)).stream()
        .findFirst()
        .map(node -> node.path("pulp_href").asText());
  }

  /** Syncs the repository from a remote; returns the new repository version, if one was made. */
  public Optional<String> sync(String repositoryHref, String remoteHref) {
    PulpTask task =
        tasks.waitForAccepted(
            http.post(repositoryHref + "sync/", Map.of("remote", remoteHref, "mirror", false)));
    return task.createdResources().stream().filter(href -> href.contains("/versions/")).findFirst();
  }

  /**
   * Publishes a build's repository version in the flat layout ({@code dists/default/all}), the only
   * one its readers (builder pods, chroot builds, users' apt sources) use, signed when {@code
   * signingServiceHref} is not null. Pulp's structured layout would double the publication's work
   * for every session publish and serve nothing anyone reads: build content carries no release
   * components.
   */
  public String publish(String repositoryVersionHref, String signingServiceHref) {
    return publish(repositoryVersionHref, signingServiceHref, false);
  }

  /**
   * Publishes a mirror's repository version in the structured layout its readers use ({@code
   * dists/<suite>/<component>}, as upstream has it) and the flat one.
   */
  public String publishMirror(String repositoryVersionHref) {
    return publish(repositoryVersionHref, null, true);
  }

  private String publish(
      String repositoryVersionHref, String signingServiceHref, boolean structured) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("repository_version", repositoryVersionHref);
    body.put("simple", true);
    body.put("structured", structured);
    if (signingServiceHref != null) {
      body.put("signing_service", signingServiceHref);
    }
    return tasks.waitForAccepted(http.post(PUBLICATIONS, body)).createdResource("/publications/");
  }
}
