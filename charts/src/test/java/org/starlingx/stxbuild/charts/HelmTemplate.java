package org.starlingx.stxbuild.charts;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders the chart with the real helm (built by testenv/helm.sh), argv only. */
final class HelmTemplate {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  static final Path CHART = REPOSITORY.resolve("charts").resolve("starlingx-build");

  private HelmTemplate() {}

  static List<HasMetadata> render(String namespace, List<String> setValues)
      throws IOException, InterruptedException {
    return render("stx", namespace, setValues);
  }

  /** Renders as release {@code release}: cluster-wide objects are named after it. */
  static List<HasMetadata> render(String release, String namespace, List<String> setValues)
      throws IOException, InterruptedException {
    String helm = run(List.of(REPOSITORY.resolve("testenv/helm.sh").toString())).strip();
    List<String> argv = new ArrayList<>(List.of(helm, "template", release, CHART.toString()));
    argv.addAll(List.of("--namespace", namespace));
    for (String value : setValues) {
      argv.addAll(List.of("--set", value));
    }
    String yaml = run(argv);
    Object parsed =
        Serialization.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    if (parsed instanceof KubernetesList list) {
      return list.getItems();
    }
    return parsed instanceof List<?> items
        ? items.stream().map(HasMetadata.class::cast).toList()
        : List.of((HasMetadata) parsed);
  }

  private static String run(List<String> argv) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(argv).redirectErrorStream(false).start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(argv.get(0) + " failed: " + err);
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
