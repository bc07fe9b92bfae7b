package org.starlingx.stxbuild.engine.wheels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.exec.CommandRunner;

class BaseWheelsTest {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  static final Path SAMPLE_LIST =
      REPOSITORY.resolve(
          "samples/stx-sample-tree/root/build-tools/build-wheels/debian-bullseye/stable-wheels.cfg");

  @TempDir Path work;

  private BaseWheels baseWheels() {
    return new BaseWheels(
        work.resolve("mirror"),
        Map.of(
            "https://downloads.starlingx-build.invalid/",
            REPOSITORY.resolve("samples/stx-sample-upstream").toUri().toString()));
  }

  @Test
  void aPypiWheelIsFetchedAndATarSourceIsBuiltIntoItsWheel() throws Exception {
    assertThat(
            BaseWheels.listOf(REPOSITORY.resolve("samples/stx-sample-tree"), "bullseye", "stable"))
        .isEqualTo(SAMPLE_LIST);
    BaseWheels.Result result =
        baseWheels().build(WheelSource.read(SAMPLE_LIST), work.resolve("w"), work.resolve("out"));

    assertThat(result.notBuilt()).isEmpty();
    assertThat(result.wheels())
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "stx_sample_pinned-1.0.0-py3-none-any.whl",
            "stx_sample_basewheel-0.1.0-py3-none-any.whl");
    String built =
        CommandRunner.run(
                work,
                List.of(
                    "unzip",
                    "-p",
                    work.resolve("out/stx_sample_basewheel-0.1.0-py3-none-any.whl").toString(),
                    "stx_sample_basewheel.py"))
            .output();
    assertThat(built).contains("a base wheel built from its source");
    assertThat(work.resolve("mirror/wheels/stx-sample-basewheel-0.1.0.tar.gz")).exists();
  }

  @Test
  void aGitSourceIsReportedNotBuiltAndPresentWheelsAreKept() throws Exception {
    Path out = Files.createDirectories(work.resolve("out"));
    Files.writeString(out.resolve("kept-1.0-py3-none-any.whl"), "already built");
    BaseWheels.Result result =
        baseWheels()
            .build(
                List.of(
                    new WheelSource(
                        "kept-1.0-py3-none-any.whl",
                        "pypi",
                        java.net.URI.create("https://nowhere.invalid/kept-1.0-py3-none-any.whl"),
                        ""),
                    new WheelSource(
                        "g-1.0-py3-none-any.whl",
                        "git",
                        java.net.URI.create("https://opendev.org/x/g.git"),
                        "g")),
                work.resolve("w"),
                out);
    assertThat(result.wheels()).containsExactly(out.resolve("kept-1.0-py3-none-any.whl"));
    assertThat(result.notBuilt()).singleElement().asString().contains("needs the network");
  }

  @Test
  void badLinesNameTheFileAndLine() throws Exception {
    Path cfg = work.resolve("stable-wheels.cfg");
    Files.writeString(
        cfg,
        "# c\nok-1-py3-none-any.whl|pypi|https://x/ok.whl\nbad.tar.gz|tar|https://x/b.tgz|b\n");
    assertThatThrownBy(() -> WheelSource.read(cfg))
        .hasMessageContaining("stable-wheels.cfg:3")
        .hasMessageContaining("expected a wheel file name");
    Files.writeString(cfg, "a-1-py3-none-any.whl|svn|https://x\n");
    assertThatThrownBy(() -> WheelSource.read(cfg))
        .hasMessageContaining(":1: wheel a-1-py3-none-any.whl: type 'svn' is unknown");
    Files.writeString(cfg, "a-1-py3-none-any.whl|tar|https://x/a.tgz|../up\n");
    assertThatThrownBy(() -> WheelSource.read(cfg)).hasMessageContaining("basedir '../up'");
  }
}
