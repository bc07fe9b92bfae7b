package org.starlingx.stxbuild.engine.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.starlingx.stxbuild.engine.apt.PrivateAptRoot;
import org.starlingx.stxbuild.engine.repo.AptSource;

/**
 * The helm-charts step where the packages are not at hand (a build pod, the CLI): application
 * packages and their direct dependencies are downloaded from a branch's apt source (the packages
 * travel through the repository service), then assembled by {@link HelmApplicationBuilder}.
 */
public final class RepositoryHelmCharts {
  private RepositoryHelmCharts() {}

  /**
   * @param appPackages the application packages; empty means every package named {@code *-helm}
   *     that carries FluxCD manifests, as StarlingX names them
   */
  public static List<HelmApplication> build(
      AptSource source,
      List<String> appPackages,
      String label,
      List<String> imageReferences,
      Path work,
      Path output) {
    try {
      PrivateAptRoot apt = new PrivateAptRoot(work.resolve("apt")).sources(source);
      apt.update();
      Set<String> available = new TreeSet<>(apt.packageNames());
      for (String requested : appPackages) {
        if (!available.contains(requested)) {
          throw new IllegalArgumentException(
              "application package '"
                  + requested
                  + "' is not in "
                  + source.sourcesListLine()
                  + "; expected one of its *-helm packages");
        }
      }
      List<String> candidates =
          appPackages.isEmpty()
              ? available.stream().filter(name -> name.endsWith("-helm")).toList()
              : appPackages;
      Map<String, Path> debs = new LinkedHashMap<>();
      for (String name : candidates) {
        Path deb = apt.download(name);
        debs.put(name, deb);
        for (String dep : new DebPackageFile(deb).dependsOn()) {
          if (available.contains(dep) && !debs.containsKey(dep)) {
            debs.put(dep, apt.download(dep));
          }
        }
      }
      HelmApplicationBuilder builder = new HelmApplicationBuilder(debs);
      List<String> apps = appPackages.isEmpty() ? builder.applicationPackages() : appPackages;
      Files.createDirectories(output);
      List<HelmApplication> built = new ArrayList<>();
      for (String app : apps) {
        built.add(builder.build(app, label, imageReferences, output));
      }
      return built;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot fetch the application packages: " + e.getMessage(), e);
    }
  }
}
