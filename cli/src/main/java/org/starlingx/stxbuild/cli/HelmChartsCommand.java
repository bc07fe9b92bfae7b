package org.starlingx.stxbuild.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.starlingx.stxbuild.engine.helm.HelmApplication;
import org.starlingx.stxbuild.engine.helm.RepositoryHelmCharts;
import org.starlingx.stxbuild.engine.repo.AptSource;
import org.starlingx.stxbuild.engine.scope.ScopeNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stx-build helm-charts}: StarlingX application tarballs from a branch's packages. */
@Command(
    name = "helm-charts",
    mixinStandardHelpOptions = true,
    description = {
      "Assembles StarlingX application tarballs (charts/, fluxcd-manifests/, plugins/,"
          + " metadata.yaml, checksum.md5) from the application packages of the branch's last good"
          + " build, as StarlingX's build-helm-charts.sh does. Image references in the manifests"
          + " are replaced by those of --image-record files."
    })
final class HelmChartsCommand implements Callable<Integer> {
  @Mixin ScopeOptions scope;
  @Mixin RepositoryOptions repository;

  @Option(
      names = "--app-package",
      description =
          "An application package (repeatable; default: every *-helm package with"
              + " FluxCD manifests).")
  List<String> appPackages = new ArrayList<>();

  @Option(
      names = "--label",
      description = "Appended to the application version, for example debian-stable-versioned.")
  String label;

  @Option(
      names = "--image-record",
      description = "A file listing built image references, one per line (repeatable).")
  List<Path> imageRecords = new ArrayList<>();

  @Option(
      names = "--output",
      defaultValue = "build-output/helm-charts",
      description = "Where the tarballs go (default: ${DEFAULT-VALUE}).")
  Path output;

  @Override
  public Integer call() throws IOException {
    ScopeNames names = scope.names();
    AptSource source = repository.lastGoodBuild(names.line(), "build its packages first");
    List<String> images = new ArrayList<>();
    for (Path record : imageRecords) {
      Files.readAllLines(record).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .forEach(images::add);
    }
    Path work = Files.createTempDirectory("stx-helm-charts");
    try {
      List<HelmApplication> apps =
          RepositoryHelmCharts.build(source, appPackages, label, images, work, output);
      if (apps.isEmpty()) {
        System.out.println("No application package in " + source.sourcesListLine());
      }
      for (HelmApplication app : apps) {
        System.out.println(
            "application "
                + app.name()
                + " "
                + app.version()
                + ": "
                + app.tarball().toAbsolutePath()
                + " (charts "
                + String.join(", ", app.charts())
                + "; from "
                + String.join(", ", app.packages())
                + ")");
      }
    } finally {
      org.starlingx.stxbuild.engine.files.FileTrees.delete(work);
    }
    return 0;
  }
}
