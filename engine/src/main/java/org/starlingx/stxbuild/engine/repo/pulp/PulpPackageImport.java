package org.starlingx.stxbuild.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.starlingx.stxbuild.engine.deb.DebControlFile;
import org.starlingx.stxbuild.engine.repo.FileDigests;

/**
 * Turns a batch of {@code .deb} files into Pulp package content with one sync task: the files are
 * offered as a flat apt repository ({@link PulpPackageFeed}), a throw-away repository syncs from
 * it, and the package content it ends up with is the batch's. Pulp looks every file up by sha256
 * before fetching it, so a file Pulp holds is never sent again (across users, branches and
 * mirrors), and each package gets the same relative path and metadata an upload would give it, so a
 * package synced and one uploaded are the same content unit.
 *
 * <p>This replaces, per package, a lookup, an upload and a content-creation task (about 0.3 s of
 * Pulp's time each on a small machine) by one task for the batch.
 */
final class PulpPackageImport {
  private static final String API = "/pulp/api/v3/";
  private static final String PACKAGES = API + "content/deb/packages/";
  private static final String REMOTES = API + "remotes/deb/apt/";
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ROOT);

  /** What a batch import did. */
  record Imported(Map<String, String> contentBySha256, int filesSent, long bytesSent) {}

  /** One package of the batch, as the feed offers it. */
  record Offered(Path file, String sha256, long size, String relativePath, String paragraph) {}

  /** A part smaller than this costs more in fixed sync overhead than parallelism saves. */
  private static final int SMALLEST_PART = 200;

  /** Files being imported by this process right now, across sessions. */
  private static final InFlightFiles IN_FLIGHT = new InFlightFiles();

  private volatile int workers;
  private final PulpHttp http;
  private final PulpTasks tasks;
  private final PulpRepositories repositories;

  PulpPackageImport(PulpHttp http, PulpTasks tasks, PulpRepositories repositories) {
    this.http = http;
    this.tasks = tasks;
    this.repositories = repositories;
  }

  /**
   * Imports a batch; a large one is split into as many parts as Pulp has task workers, synced at
   * once (one sync task runs on one worker).
   */
  Imported importPackages(List<Path> debs) {
    int parts = Math.max(1, Math.min(taskWorkers(), debs.size() / SMALLEST_PART));
    if (parts == 1) {
      return importPart(debs);
    }
    ExecutorService pool = Executors.newFixedThreadPool(parts);
    try {
      List<Future<Imported>> running = new ArrayList<>();
      int size = (debs.size() + parts - 1) / parts;
      for (int from = 0; from < debs.size(); from += size) {
        List<Path> part = debs.subList(from, Math.min(debs.size(), from + size));
        running.add(pool.submit(() -> importPart(part)));
      }
      Map<String, String> content = new HashMap<>();
      int sent = 0;
      long bytes = 0;
      for (Future<Imported> part : running) {
        Imported imported = join(part);
        content.putAll(imported.contentBySha256());
        sent += imported.filesSent();
        bytes += imported.bytesSent();
      }
      return new Imported(content, sent, bytes);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Imported join(Future<Imported> part) {
    try {
      return part.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause
          ? cause
          : new PulpException("importing packages failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PulpException("interrupted while importing packages", e);
    }
  }

  /** Online task workers, asked once: parts beyond them would only queue. */
  private int taskWorkers() {
    if (workers == 0) {
      workers = Math.max(1, http.get(API + "status/").path("online_workers").size());
    }
    return workers;
  }

  private Imported importPart(List<Path> debs) {
    if (debs.isEmpty()) {
      return new Imported(Map.of(), 0, 0);
    }
    List<Offered> offered = debs.parallelStream().map(PulpPackageImport::offer).toList();
    Map<String, Path> files = new HashMap<>();
    Map<String, Offered> byPath = new LinkedHashMap<>();
    for (Offered deb : offered) {
      Offered same = byPath.putIfAbsent(deb.relativePath(), deb);
      if (same != null && !same.sha256().equals(deb.sha256())) {
        throw new IllegalArgumentException(
            "two different files are the same package "
                + deb.relativePath()
                + ": "
                + same.file()
                + " and "
                + deb.file());
      }
      files.put(deb.relativePath(), deb.file());
    }
    InFlightFiles.Claim claim;
    try {
      claim = IN_FLIGHT.claim(byPath.values().stream().map(Offered::sha256).distinct().toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PulpException("interrupted while waiting for another import of the same files", e);
    }
    try (claim) {
      return importClaimed(byPath, files);
    }
  }

  private Imported importClaimed(Map<String, Offered> byPath, Map<String, Path> files) {
    Map<String, byte[]> indexes = indexes(byPath.values());
    String name = "stx-import-" + UUID.randomUUID().toString().substring(0, 13);
    Map<String, String> labels = Map.of(PulpPackageRepository.ROLE, "import");
    try (PulpPackageFeed feed = new PulpPackageFeed(http.connection().apiUrl(), indexes, files)) {
      String remote = createRemote(name, feed, labels);
      try {
        PulpRepository repository = repositories.create(name, labels);
        try {
          Map<String, String> content = syncedContent(repository, remote, byPath);
          return new Imported(content, feed.served().size(), feed.bytesServed());
        } finally {
          // The throw-away repository's versions hold nothing the session will not; the content
          // units stay, referenced by the session.
          deleteQuietly(repository.href());
        }
      } finally {
        deleteQuietly(remote);
      }
    }
  }

  private Map<String, String> syncedContent(
      PulpRepository repository, String remote, Map<String, Offered> byPath) {
    PulpTask sync =
        tasks.waitForAccepted(
            http.post(repository.href() + "sync/", Map.of("remote", remote, "mirror", false)));
    String version =
        sync.createdResources().stream()
            .filter(href -> href.contains("/versions/"))
            .findFirst()
            .orElseGet(() -> repositories.get(repository.href()).latestVersionHref());
    Map<String, String> content = new HashMap<>();
    for (JsonNode node :
        http.list(
            PACKAGES,
            Map.of(
                "repository_version",
                version,
                "fields",
                "pulp_href,sha256,relative_path",
                "limit",
                "1000"))) {
      if (byPath.containsKey(node.path("relative_path").asText())) {
        content.put(node.path("sha256").asText(), node.path("pulp_href").asText());
      }
    }
    List<String> missing = new ArrayList<>();
    for (Offered deb : byPath.values()) {
      if (!content.containsKey(deb.sha256())) {
        missing.add(deb.file().toString());
      }
    }
    if (!missing.isEmpty()) {
      throw new PulpException(
          "Pulp's sync of " + byPath.size() + " packages did not take " + missing, -1);
    }
    return content;
  }

  private String createRemote(String name, PulpPackageFeed feed, Map<String, String> labels) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("url", feed.url().toString());
    body.put("distributions", "/");
    body.put("policy", "immediate");
    body.put("pulp_labels", labels);
    return http.post(REMOTES, body).path("pulp_href").asText();
  }

  private void deleteQuietly(String href) {
    try {
      JsonNode answer = http.delete(href);
      if (answer.hasNonNull("task")) {
        tasks.waitForAccepted(answer);
      }
    } catch (RuntimeException e) {
      // Retention removes a leftover: it carries the import role.
    }
  }

  /** The flat repository's {@code Packages} and the {@code Release} that names it. */
  static Map<String, byte[]> indexes(Iterable<Offered> debs) {
    StringBuilder packages = new StringBuilder();
    TreeSet<String> architectures = new TreeSet<>();
    for (Offered deb : debs) {
      if (!packages.isEmpty()) {
        packages.append('\n');
      }
      packages.append(deb.paragraph());
      architectures.add(field(deb.paragraph(), "Architecture"));
    }
    byte[] packagesBytes = packages.toString().getBytes(StandardCharsets.UTF_8);
    FileDigests digests = FileDigests.of(packagesBytes);
    String release =
        "Architectures: "
            + String.join(" ", architectures)
            + "\nDate: "
            + RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC))
            + "\nMD5Sum:\n "
            + digests.md5()
            + " "
            + digests.size()
            + " Packages\nSHA256:\n "
            + digests.sha256()
            + " "
            + digests.size()
            + " Packages\n";
    return Map.of("Packages", packagesBytes, "Release", release.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads one package: its digests, its place in the pool as Pulp names it, its paragraph. */
  static Offered offer(Path deb) {
    String control = DebControlFile.read(deb).strip();
    FileDigests digests = FileDigests.of(deb);
    String relativePath = poolPath(control, deb);
    String paragraph =
        control
            + "\nFilename: "
            + relativePath
            + "\nSize: "
            + digests.size()
            + "\nMD5sum: "
            + digests.md5()
            + "\nSHA256: "
            + digests.sha256()
            + "\n";
    return new Offered(deb, digests.sha256(), digests.size(), relativePath, paragraph);
  }

  /**
   * Where Pulp puts an uploaded package ({@code Package.filename()} in pulp_deb): {@code
   * pool/<prefix>/<source>/<package>_<version>_<arch>.deb}, prefix {@code libx} for {@code lib*}
   * sources. Using the same path makes a synced package the same content unit as an uploaded one.
   */
  static String poolPath(String control, Path deb) {
    String packageName = required(control, "Package", deb);
    String source = field(control, "Source");
    String sourceName = source == null ? packageName : source.split("\\(", 2)[0].strip();
    String prefix =
        sourceName.startsWith("lib") ? sourceName.substring(0, 4) : sourceName.substring(0, 1);
    return "pool/"
        + prefix
        + "/"
        + sourceName
        + "/"
        + packageName
        + "_"
        + required(control, "Version", deb)
        + "_"
        + required(control, "Architecture", deb)
        + ".deb";
  }

  private static String required(String control, String name, Path deb) {
    String value = field(control, name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          deb + ": control field '" + name + "' is missing; expected a binary package");
    }
    return value;
  }

  /** The value of a single-line field of a control paragraph, or null. */
  static String field(String paragraph, String name) {
    for (String line : paragraph.split("\n")) {
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).strip();
      }
    }
    return null;
  }
}
