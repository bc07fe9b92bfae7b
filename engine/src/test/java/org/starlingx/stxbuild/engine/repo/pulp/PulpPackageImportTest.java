package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.deb.BinaryPackageSpec;
import org.starlingx.stxbuild.engine.deb.DebArchiveBuilder;
import org.starlingx.stxbuild.engine.repo.FileDigests;

class PulpPackageImportTest {
  @TempDir Path work;

  @Test
  void packagesGoWherePulpPutsAnUploadedPackage() {
    Path deb = Path.of("x.deb");
    assertThat(
            PulpPackageImport.poolPath(
                "Package: libfoo1\nSource: libfoo (1.2-1)\nVersion: 1:1.2-1\nArchitecture: amd64",
                deb))
        .isEqualTo("pool/libf/libfoo/libfoo1_1:1.2-1_amd64.deb");
    assertThat(
            PulpPackageImport.poolPath(
                "Package: stx-hello\nVersion: 2.0-1\nArchitecture: all", deb))
        .isEqualTo("pool/s/stx-hello/stx-hello_2.0-1_all.deb");
    assertThatThrownBy(() -> PulpPackageImport.poolPath("Package: x\nArchitecture: all", deb))
        .hasMessage("x.deb: control field 'Version' is missing; expected a binary package");
  }

  @Test
  void theFeedsIndexListsEveryPackageAndTheReleaseNamesTheIndex() {
    DebArchiveBuilder builder = new DebArchiveBuilder(work.resolve("stage"));
    Path a =
        builder.build(
            new BinaryPackageSpec("stx-a", "1.0-1", "amd64", "a", Map.of()), work.resolve("out"));
    Path b =
        builder.build(
            new BinaryPackageSpec("stx-b", "1.0-1", "all", "b", Map.of()), work.resolve("out"));
    PulpPackageImport.Offered offered = PulpPackageImport.offer(a);
    assertThat(offered.paragraph())
        .startsWith("Package: stx-a\n")
        .contains("\nFilename: pool/s/stx-a/stx-a_1.0-1_amd64.deb\n")
        .contains("\nSHA256: " + FileDigests.of(a).sha256() + "\n");

    Map<String, byte[]> indexes =
        PulpPackageImport.indexes(List.of(offered, PulpPackageImport.offer(b)));
    String packages = new String(indexes.get("Packages"), StandardCharsets.UTF_8);
    assertThat(packages.split("\n\n")).hasSize(2);
    String release = new String(indexes.get("Release"), StandardCharsets.UTF_8);
    assertThat(release)
        .contains("Architectures: all amd64\n")
        .contains(
            " "
                + FileDigests.of(indexes.get("Packages")).sha256()
                + " "
                + indexes.get("Packages").length
                + " Packages\n");
  }
}
