package org.starlingx.stxbuild.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogExportTest {
  @TempDir Path work;

  @Test
  void indexEscapesWhatItShowsAndLinksEachLogRelatively() {
    String html =
        LogIndexPage.render(
            "Logs of <script>alert(1)</script>",
            List.of(new StepLog("build-packages.log", work, "failed \"rc=2\"")));
    assertThat(html)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>")
        .contains("<a href=\"build-packages.log\">")
        .contains("failed &quot;rc=2&quot;");
  }

  @Test
  void aLogNameThatIsNotAPlainFileNameIsRefused() {
    assertThatThrownBy(() -> new StepLog("../../etc/passwd", work, "success"))
        .hasMessageContaining("invalid log name '../../etc/passwd'");
  }

  @Test
  void localExportWritesPlainFilesAndAnIndex() throws Exception {
    Path log = Files.writeString(work.resolve("raw.log"), "step output\n");
    LocalLogExporter exporter = new LocalLogExporter(work.resolve("repo"));

    Path index =
        Path.of(
            exporter.export(
                "main-b7", Map.of(), List.of(new StepLog("download.log", log, "success"))));

    assertThat(index).hasFileName("index.html");
    assertThat(Files.readString(index)).contains("href=\"download.log\"");
    assertThat(index.resolveSibling("download.log")).hasContent("step output");
  }
}
