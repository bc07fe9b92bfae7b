package org.starlingx.stxbuild.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.starlingx.stxbuild.testenv.corpus.StarlingxCorpus;

/** Runs StarlingX's own reader (testenv/corpus/reference-read.py) over a tree. */
final class ReferenceReader {
  /** One list entry as the reference read it. */
  record Entry(
      String repo,
      String dir,
      String buildType,
      boolean accepted,
      String name,
      String suffix,
      String reason) {
    String key() {
      return repo + "/" + dir + " (" + buildType + ")";
    }
  }

  private ReferenceReader() {}

  static List<Entry> read(Path root, String codename, List<String> buildTypes)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>();
    argv.add("/usr/bin/python3");
    argv.add(StarlingxCorpus.projectRoot().resolve("testenv/corpus/reference-read.py").toString());
    argv.add(root.toString());
    argv.add(codename);
    argv.addAll(buildTypes);
    Process process =
        new ProcessBuilder(argv)
            .directory(root.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            // dch reads its terminal: with a pipe for stdin it waits forever
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(
          "StarlingX's reader failed (python3-apt, python3-debian, python3-git,"
              + " python3-progressbar and python3-yaml are needed: testenv/require-tools.sh"
              + " --tests installs them): "
              + output);
    }
    ObjectMapper json = new ObjectMapper();
    List<Entry> entries = new ArrayList<>();
    for (String line : output.lines().filter(l -> l.startsWith("{")).toList()) {
      JsonNode node = json.readTree(line);
      entries.add(
          new Entry(
              node.get("repo").asText(),
              node.get("dir").asText(),
              node.get("buildType").asText(),
              node.get("accepted").asBoolean(),
              node.path("name").asText(null),
              node.path("suffix").asText(null),
              node.path("reason").asText(null)));
    }
    return entries;
  }
}
