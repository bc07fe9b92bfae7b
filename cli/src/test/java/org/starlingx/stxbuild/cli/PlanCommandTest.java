package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stx-build plan: the whole tree, refusals listed and not stopping the reading, exit codes. */
class PlanCommandTest {
  private static final Path SAMPLE = locate("samples/stx-sample-tree");

  @TempDir Path root;

  @Test
  void theSampleTreeIsPlannedWithEdgesOrderAndCriticalPath() throws IOException {
    CliRun run =
        CliRun.of(
            "plan", "--tree", SAMPLE.toString(), "--build-types", "std,rt", "--format", "json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode plan = new ObjectMapper().readTree(run.out());
    assertThat(plan.get("codename").asText()).isEqualTo("bullseye");
    assertThat(plan.get("packages")).hasSize(10);
    assertThat(plan.get("packages").get(0).has("repo")).isTrue();
    assertThat(plan.get("packages").get(0).has("dir")).isTrue();
    assertThat(plan.get("refused")).isEmpty();
    assertThat(plan.get("buildOrder")).hasSize(10);
    assertThat(plan.get("criticalPath").size()).isGreaterThan(1);
  }

  @Test
  void everyBadEntryIsListedAndTheRunExitsOne() throws IOException {
    write("stx/debian_trixie_pkg_dirs_std", "good\nnometa\nbadrev\nmissing\n");
    write("stx/good/debian/all/meta_data.yaml", "debver: 1.0-1\nsrc_path: null\n");
    write(
        "stx/good/debian/all/deb_folder/control",
        "Source: good\n\nPackage: good\nArchitecture: all\n");
    write("stx/nometa/debian/meta_data.yaml", "debver: 1\nsrc_path: .\n");
    write(
        "stx/badrev/debian/all/meta_data.yaml",
        "debver: 1\nsrc_path: null\nrevision:\n  stx_patch: two\n");
    CliRun run =
        CliRun.of("plan", "--tree", root.toString(), "--dist", "trixie", "--format", "json");
    assertThat(run.exit()).isEqualTo(1);
    JsonNode plan = new ObjectMapper().readTree(run.out());
    assertThat(plan.get("packages")).hasSize(1);
    assertThat(plan.get("refused")).hasSize(3);
    assertThat(plan.get("refused").get(1).get("field").asText()).isEqualTo("revision.stx_patch");
    assertThat(plan.get("refused").get(0).get("reason").asText())
        .contains("no meta_data.yaml for trixie");
    assertThat(run.out() + run.err()).doesNotContain("Exception");
  }

  @Test
  void anUnknownDistributionOrATreeOneLevelTooHighIsAnError() throws IOException {
    CliRun bookworm = CliRun.of("plan", "--tree", SAMPLE.toString(), "--dist", "bookworm");
    assertThat(bookworm.exit()).isNotZero();
    assertThat(bookworm.err()).contains("known: bullseye, trixie");
    write("x/root/cgcs-root/stx/integ/debian_trixie_pkg_dirs_std", "a\n");
    CliRun high = CliRun.of("plan", "--tree", root.toString(), "--dist", "trixie");
    assertThat(high.exit()).isNotZero();
    assertThat(high.err()).contains("--tree " + root.resolve("x/root"));
  }

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static Path locate(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found");
  }
}
