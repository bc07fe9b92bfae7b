package org.starlingx.stxbuild.engine.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.chroot.ChrootBuildOptions;
import org.starlingx.stxbuild.engine.source.MetaData;
import org.starlingx.stxbuild.engine.source.PackageRecipe;
import org.starlingx.stxbuild.engine.source.RecipeKind;

/** The reuse decision's input: what changes the fingerprint and what does not. */
class InputFingerprintTest {
  @TempDir Path tree;
  private PackageRecipe lib;
  private PackageRecipe app;

  @BeforeEach
  void writeTree() throws IOException {
    lib = recipe("lib", "1.0");
    app = recipe("app", "2.0");
  }

  private PackageRecipe recipe(String name, String version) throws IOException {
    Path dir = tree.resolve(name);
    Path debian = dir.resolve("debian/deb_folder/debian");
    Files.createDirectories(debian.resolve("patches"));
    Files.writeString(dir.resolve("debian/meta_data.yaml"), "debname: " + name + "\n");
    Files.writeString(debian.resolve("control"), "Source: " + name + "\n");
    Files.writeString(debian.resolve("patches/0001-fix.patch"), "--- a\n+++ b\n");
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/main.c"), "int main() { return 0; }\n");
    MetaData meta = MetaData.of(name, version, null);
    return new PackageRecipe(
        name,
        dir,
        dir.resolve("debian/meta_data.yaml"),
        meta,
        RecipeKind.IN_TREE,
        debian,
        debian.resolve("patches"),
        dir.resolve("debian/deb_patches"),
        List.of());
  }

  private String libPrint() {
    return InputFingerprint.of(lib, "bullseye", "std", Map.of());
  }

  private String appPrint(String libFingerprint) {
    return InputFingerprint.of(app, "bullseye", "std", Map.of("lib", libFingerprint));
  }

  @Test
  void unchangedInputsHashTheSame() {
    assertThat(libPrint()).isEqualTo(libPrint()).hasSize(64);
    assertThat(appPrint(libPrint())).isEqualTo(appPrint(libPrint()));
  }

  @Test
  void aChangedSourceFileChangesThePackageAndItsDependents() throws IOException {
    String libBefore = libPrint();
    String appBefore = appPrint(libBefore);
    Files.writeString(lib.dir().resolve("src/main.c"), "int main() { return 1; }\n");
    assertThat(libPrint()).isNotEqualTo(libBefore);
    assertThat(appPrint(libPrint())).isNotEqualTo(appBefore);
  }

  @Test
  void aChangedPatchChangesTheFingerprint() throws IOException {
    String before = libPrint();
    Files.writeString(lib.patches().resolve("0001-fix.patch"), "--- a\n+++ c\n");
    assertThat(libPrint()).isNotEqualTo(before);
  }

  @Test
  void anAddedPatchChangesTheFingerprint() throws IOException {
    String before = libPrint();
    Files.writeString(lib.patches().resolve("0002-more.patch"), "--- a\n+++ b\n");
    assertThat(libPrint()).isNotEqualTo(before);
  }

  @Test
  void changedMetadataChangesTheFingerprint() throws IOException {
    String before = libPrint();
    Files.writeString(lib.metaFile(), "debname: lib\nrevision:\n  dist: $STX_DIST\n");
    assertThat(libPrint()).isNotEqualTo(before);
  }

  @Test
  void aChangedBuildDepChangesOnlyTheDependent() {
    String lib = libPrint();
    assertThat(appPrint("another-lib-build")).isNotEqualTo(appPrint(lib));
    assertThat(libPrint()).isEqualTo(lib);
  }

  @Test
  void distributionAndBuildTypeArePartOfTheInputs() {
    assertThat(InputFingerprint.of(lib, "bookworm", "std", Map.of())).isNotEqualTo(libPrint());
    assertThat(InputFingerprint.of(lib, "bullseye", "rt", Map.of())).isNotEqualTo(libPrint());
    // another chroot (mirror, seed) or tests run: another environment, another fingerprint
    String debian = ChrootBuildOptions.of("bullseye").identity();
    assertThat(InputFingerprint.of(lib, "bullseye", "std", Map.of(), debian))
        .isNotEqualTo(libPrint())
        .isEqualTo(InputFingerprint.of(lib, "bullseye", "std", Map.of(), debian))
        .isNotEqualTo(
            InputFingerprint.of(
                lib,
                "bullseye",
                "std",
                Map.of(),
                ChrootBuildOptions.of("bullseye")
                    .withChroot(
                        ChrootBuildOptions.of("bullseye")
                            .chroot()
                            .withMirror(
                                java.net.URI.create("http://mirror.example.invalid/debian")))
                    .identity()))
        .isNotEqualTo(
            InputFingerprint.of(
                lib,
                "bullseye",
                "std",
                Map.of(),
                ChrootBuildOptions.of("bullseye").withTests(true).identity()));
  }
}
