package org.starlingx.stxbuild.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.repo.MirrorDownload;

/** Real dpkg-source runs on the sample tree's packages. */
class SourcePackagePreparerTest {
  static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
  static final Path SAMPLES = REPOSITORY.resolve("samples");
  @TempDir Path work;

  private LocalMirrorFetcher mirror() {
    return new LocalMirrorFetcher(
        work.resolve("mirror"),
        Map.of(
            "https://downloads.starlingx-build.invalid/",
            SAMPLES.resolve("stx-sample-upstream").toUri().toString()));
  }

  private Map<String, PackageRecipe> recipes() {
    return StxSourceTree.open(SAMPLES.resolve("stx-sample-tree"))
        .recipes("bullseye", "std")
        .stream()
        .collect(Collectors.toMap(r -> r.dir().getFileName().toString(), r -> r));
  }

  @Test
  void everySamplePackageBecomesASourcePackage() {
    for (PackageRecipe recipe : recipes().values()) {
      PreparedSource prepared =
          new SourcePackagePreparer(mirror())
              .prepare(recipe, work.resolve(recipe.dir().getFileName().toString()));
      assertThat(prepared.dsc()).exists();
      assertThat(prepared.files()).allSatisfy(f -> assertThat(f).exists());
    }
  }

  @Test
  void aTarballPackageUsesTheVerifiedUpstreamTarballAsItsOrig() {
    PreparedSource hello =
        new SourcePackagePreparer(mirror()).prepare(recipes().get("stx-hello"), work.resolve("h"));
    // the sample tree is in this project's git repository: StarlingX's revision suffix applies
    assertThat(hello.version()).startsWith("2.0-1.stx.");
    assertThat(hello.files())
        .extracting(p -> p.getFileName().toString())
        // StarlingX always makes the orig tarball (from the unpacked sources); the packaging has
        // no debian/source/format, so dpkg-source's default 1.0 keeps the packaging in a diff
        .contains("stx-hello_2.0.orig.tar.gz")
        .anyMatch(name -> name.startsWith("stx-hello_2.0-1.stx.") && name.endsWith(".diff.gz"));
  }

  @Test
  void theTreesPatchesAreAppliedAsAQuiltSeries() {
    PreparedSource docs =
        new SourcePackagePreparer(mirror())
            .prepare(recipes().get("stx-sample-docs"), work.resolve("d"));
    CommandRunner.run(
        work.resolve("d"), java.util.List.of("dpkg-source", "-x", docs.dsc().toString(), "x"));
    assertThat(work.resolve("d/x/GUIDE.txt")).content().contains("Status: released");
  }

  @Test
  void aTarballWithTheWrongChecksumIsRefusedAndNotKept() throws Exception {
    Path upstream = Files.writeString(work.resolve("evil.tar.gz"), "not the real tarball");
    LocalMirrorFetcher fetcher = new LocalMirrorFetcher(work.resolve("m2"), Map.of());
    MirrorDownload expected =
        new MirrorDownload("evil.tar.gz", upstream.toUri(), "sha256", "0".repeat(64));
    assertThatThrownBy(() -> fetcher.ensure(expected))
        .isInstanceOf(ChecksumMismatchException.class)
        .hasMessageContaining("evil.tar.gz")
        .hasMessageContaining("expected " + "0".repeat(64))
        .hasMessageContaining("not kept");
    assertThat(work.resolve("m2").resolve("0".repeat(64)).resolve("evil.tar.gz")).doesNotExist();
  }
}
