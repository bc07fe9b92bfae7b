package org.starlingx.stxbuild.engine.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.files.FileTrees;
import org.starlingx.stxbuild.engine.repo.FileDigests;

/**
 * Assembles StarlingX application tarballs from built packages, as StarlingX's {@code
 * build-helm-charts.sh} does: an application package ({@code usr/lib/fluxcd} manifests, optionally
 * {@code usr/lib/application/metadata.yaml}) and the packages it depends on directly (chart
 * packages with {@code usr/lib/helm/*.tgz}, plugin wheels under {@code plugins/}) are unpacked; the
 * tarball holds {@code charts/}, {@code fluxcd-manifests/} (image references replaced by the ones
 * this build pushed), {@code plugins/}, {@code metadata.yaml} and {@code checksum.md5}.
 */
public final class HelmApplicationBuilder {
  private static final String FLUXCD = "usr/lib/fluxcd/";
  private static final String HELM = "usr/lib/helm/";
  private static final String METADATA = "usr/lib/application/metadata.yaml";

  private final Map<String, Path> debs;

  /** {@code debs}: binary package name to built {@code .deb}, of this build. */
  public HelmApplicationBuilder(Map<String, Path> debs) {
    this.debs = new TreeMap<>(debs);
  }

  /** The built packages that are applications: they carry FluxCD manifests. */
  public List<String> applicationPackages() {
    List<String> apps = new ArrayList<>();
    debs.forEach(
        (name, file) -> {
          if (new DebPackageFile(file).paths().stream().anyMatch(p -> p.startsWith(FLUXCD))) {
            apps.add(name);
          }
        });
    return apps;
  }

  /**
   * Builds the tarball of application package {@code appPackage} into {@code outputDir}.
   *
   * @param label appended to the version ({@code build-helm-charts.sh --label}); null for none
   * @param imageReferences images this build pushed: a manifest's reference to an image of the same
   *     name is replaced by it
   */
  public HelmApplication build(
      String appPackage, String label, List<String> imageReferences, Path outputDir) {
    Path appDeb = debs.get(appPackage);
    if (appDeb == null) {
      throw new IllegalArgumentException(
          "application package '"
              + appPackage
              + "' was not built; built packages that are applications: "
              + applicationPackages());
    }
    Set<String> packages = new LinkedHashSet<>();
    packages.add(appPackage);
    // Chart and plugin packages are the app package's direct dependencies built by this build;
    // anything else it depends on is a system package with no application content.
    new DebPackageFile(appDeb)
        .dependsOn().stream().filter(debs::containsKey).forEach(packages::add);

    Path work = outputDir.resolve(".helm-" + appPackage);
    FileTrees.delete(work);
    try {
      Path extracted = Files.createDirectories(work.resolve("extracted"));
      for (String name : packages) {
        new DebPackageFile(debs.get(name)).extractInto(extracted);
      }
      requireDirectory(extracted, HELM, appPackage, "its charts (*.tgz)");
      requireDirectory(extracted, FLUXCD, appPackage, "its FluxCD manifests");

      Path staging = Files.createDirectories(work.resolve("staging"));
      FileTrees.copy(extracted.resolve(HELM), staging.resolve("charts"));
      Path manifests = staging.resolve("fluxcd-manifests");
      FileTrees.copy(extracted.resolve(FLUXCD), manifests);
      FileTrees.delete(manifests.resolve("custom-manifests"));
      if (Files.isDirectory(extracted.resolve("plugins"))) {
        FileTrees.copy(extracted.resolve("plugins"), staging.resolve("plugins"));
      }
      replaceImages(manifests, imageReferences);

      String metadata =
          Files.isRegularFile(extracted.resolve(METADATA))
              ? Files.readString(extracted.resolve(METADATA))
              : "";
      String name = yamlValue(metadata, "app_name").orElse(appPackage.replaceFirst("-helm$", ""));
      String version = new DebPackageFile(appDeb).field("Version").replaceFirst("^[^:]+:", "");
      if (label != null && !label.isBlank()) {
        version = version + "-" + label;
      }
      metadata = setYamlValue(metadata, "app_name", name);
      metadata = setYamlValue(metadata, "app_version", version);
      metadata +=
          "build_date: "
              + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z"))
              + "\n";
      Files.writeString(staging.resolve("metadata.yaml"), metadata, StandardCharsets.UTF_8);
      writeChecksums(staging);

      Path tarball = outputDir.resolve(name + "-" + version + ".tgz");
      CommandRunner.run(
          staging,
          List.of(
              "tar",
              "--sort=name",
              "--owner=0",
              "--group=0",
              "--numeric-owner",
              "-czf",
              tarball.toString(),
              "-C",
              staging.toString(),
              "."));
      List<String> charts;
      try (Stream<Path> files = Files.list(staging.resolve("charts"))) {
        charts = files.map(p -> p.getFileName().toString()).sorted().toList();
      }
      return new HelmApplication(name, version, tarball, List.copyOf(packages), charts);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot assemble the application of " + appPackage + ": " + e.getMessage(), e);
    } finally {
      FileTrees.delete(work);
    }
  }

  private static void requireDirectory(Path root, String dir, String appPackage, String what) {
    if (!Files.isDirectory(root.resolve(dir))) {
      throw new IllegalStateException(
          "application package "
              + appPackage
              + " and its dependencies hold no /"
              + dir
              + "; expected "
              + what
              + " there");
    }
  }

  /**
   * Replaces, in every manifest, a reference to an image of the same name (the last path part,
   * before the tag) by the reference this build pushed.
   */
  static void replaceImages(Path manifests, List<String> references) throws IOException {
    if (references.isEmpty()) {
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(manifests)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path file : files) {
      String text = Files.readString(file);
      String replaced = text;
      for (String reference : references) {
        String image = imageName(reference);
        Pattern old =
            Pattern.compile(
                "(?<=^|[\\s\"':])[A-Za-z0-9.:_-]+(/[A-Za-z0-9._-]+)*/"
                    + Pattern.quote(image)
                    + ":[A-Za-z0-9_][A-Za-z0-9_.-]*",
                Pattern.MULTILINE);
        replaced = old.matcher(replaced).replaceAll(Matcher.quoteReplacement(reference));
      }
      if (!replaced.equals(text)) {
        Files.writeString(file, replaced);
      }
    }
  }

  static String imageName(String reference) {
    String withoutTag =
        reference.lastIndexOf(':') > reference.lastIndexOf('/')
            ? reference.substring(0, reference.lastIndexOf(':'))
            : reference;
    return withoutTag.substring(withoutTag.lastIndexOf('/') + 1);
  }

  private static java.util.Optional<String> yamlValue(String yaml, String key) {
    Matcher m =
        Pattern.compile("^" + key + ":[ \\t]*(\\S.*?)\\s*$", Pattern.MULTILINE).matcher(yaml);
    return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }

  /** Line edit as StarlingX's script does, so the rest of the file stays as written. */
  private static String setYamlValue(String yaml, String key, String value) {
    Pattern line = Pattern.compile("^" + key + ":.*$", Pattern.MULTILINE);
    if (line.matcher(yaml).find()) {
      return line.matcher(yaml).replaceFirst(Matcher.quoteReplacement(key + ": " + value));
    }
    String prefix = yaml.isEmpty() || yaml.endsWith("\n") ? yaml : yaml + "\n";
    return prefix + key + ": " + value + "\n";
  }

  /** {@code checksum.md5} in md5sum's format over every file, as StarlingX's tarballs carry. */
  private static void writeChecksums(Path staging) throws IOException {
    StringBuilder sums = new StringBuilder();
    try (Stream<Path> walk = Files.walk(staging)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        sums.append(FileDigests.of(file).md5())
            .append("  ./")
            .append(staging.relativize(file).toString().replace('\\', '/'))
            .append('\n');
      }
    }
    Files.writeString(staging.resolve("checksum.md5"), sums.toString());
  }
}
