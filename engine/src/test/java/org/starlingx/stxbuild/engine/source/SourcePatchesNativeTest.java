package org.starlingx.stxbuild.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.exec.CommandRunner;

/**
 * A native package with {@code patches/series}: the patches are applied, and, as debrepack's
 * apply_src_patches does (os.mknod of the series before it looks at the format), the package
 * carries an empty {@code debian/patches/series} (the corpus's integ/python/python3-nsenter has
 * this shape; DebrepackOracleIT compares it with StarlingX's).
 */
class SourcePatchesNativeTest {
  @TempDir Path root;

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void patchesAreAppliedAndAnEmptySeriesIsLeftAsStarlingxLeavesIt() throws IOException {
    write("stx/debian_trixie_pkg_dirs_std", "one\n");
    write("stx/one/debian/all/meta_data.yaml", "debname: one\ndebver: \"1.0\"\nsrc_path: src\n");
    write("stx/one/src/hello.txt", "hello\n");
    write(
        "stx/one/debian/all/deb_folder/control",
        "Source: one\nMaintainer: StarlingX <x@example.invalid>\n\nPackage: one\n"
            + "Architecture: all\nDescription: one\n one.\n");
    write(
        "stx/one/debian/all/deb_folder/changelog",
        "one (1.0) unstable; urgency=medium\n\n  * x.\n\n"
            + " -- StarlingX <x@example.invalid>  Sat, 01 Jan 2000 00:00:00 +0000\n");
    write("stx/one/debian/all/deb_folder/source/format", "3.0 (native)\n");
    write("stx/one/debian/all/patches/series", "0001-greeting.patch\n");
    write(
        "stx/one/debian/all/patches/0001-greeting.patch",
        "--- a/hello.txt\n+++ b/hello.txt\n@@ -1 +1 @@\n-hello\n+hello from StarlingX\n");
    TreeReading reading = StxSourceTree.open(root, Map.of()).read("trixie", List.of("std"));
    assertThat(reading.refused()).isEmpty();

    Path out = root.resolve("out");
    PreparedSource prepared =
        new SourcePackagePreparer(null).prepare(reading.packages().get(0), out);
    CommandRunner.run(out, List.of("dpkg-source", "-x", prepared.dsc().toString(), "x"));
    assertThat(out.resolve("x/hello.txt")).content().isEqualTo("hello from StarlingX\n");
    assertThat(out.resolve("x/debian/patches/series")).isEmptyFile();
  }
}
