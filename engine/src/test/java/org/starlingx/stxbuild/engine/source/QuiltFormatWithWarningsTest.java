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
 * integ's pynetlink for trixie, in small: an in-tree 3.0 (quilt) package whose changelog has a
 * badly formatted trailer (no leading space before "--", as its trixie deb_folder has) and a tree
 * patch. dpkg-source warns about the changelog on standard error; the format must still be read as
 * 3.0 (quilt) (debrepack reads standard output only), so the patch goes into debian/patches and
 * dpkg-source -b builds the source package. Before, the warning made the format look different, the
 * patch was applied with patch(1), and dpkg-source -b stopped on "unexpected upstream changes".
 */
class QuiltFormatWithWarningsTest {
  @TempDir Path work;

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void aQuiltPackageWithABadlyFormattedChangelogKeepsItsPatchInTheSeries() throws Exception {
    Path repo = work.resolve("tree/cgcs-root/stx/integ");
    write(repo.resolve("debian_trixie_pkg_dirs_std"), "python/pyx\n");
    Path pkg = repo.resolve("python/pyx");
    write(pkg.resolve("src/pyx/ynl.py"), "def enum(value):\n    return value\n");
    Path meta = pkg.resolve("debian/trixie");
    write(meta.resolve("meta_data.yaml"), "---\ndebname: pyx\ndebver: 1.0.2\nsrc_path: src\n");
    write(
        meta.resolve("deb_folder/changelog"),
        "pyx (1.0.2-0) unstable; urgency=medium\n\n  * Fix.\n\n"
            + "-- Someone <someone@example.invalid> Wed, 10 Jun 2026 18:04:00 -0300\n\n"
            + "pyx (1.0.1-0) unstable; urgency=medium\n\n  * First.\n\n"
            + " -- Someone <someone@example.invalid>  Mon, 01 Jun 2026 18:04:00 -0300\n");
    write(
        meta.resolve("deb_folder/control"),
        "Source: pyx\nMaintainer: Someone <someone@example.invalid>\n\n"
            + "Package: pyx\nArchitecture: all\nDescription: x\n x.\n");
    write(meta.resolve("deb_folder/rules"), "#!/usr/bin/make -f\n%:\n\tdh $@\n");
    write(meta.resolve("deb_folder/source/format"), "3.0 (quilt)");
    write(meta.resolve("patches/series"), "0001-unknown-enum-values.patch");
    write(
        meta.resolve("patches/0001-unknown-enum-values.patch"),
        "--- a/pyx/ynl.py\n+++ b/pyx/ynl.py\n@@ -1,2 +1,2 @@\n def enum(value):\n"
            + "-    return value\n+    return value or 'Unknown'\n");

    PackageRecipe recipe =
        StxSourceTree.open(work.resolve("tree"), Map.of()).recipes("trixie", "std").get(0);
    PreparedSource prepared =
        new SourcePackagePreparer(new LocalMirrorFetcher(work.resolve("mirror"), Map.of()))
            .prepare(recipe, work.resolve("out"));

    assertThat(prepared.files())
        .extracting(p -> p.getFileName().toString())
        .contains("pyx_1.0.2.orig.tar.gz", "pyx_1.0.2-0.debian.tar.xz");
    String debian =
        CommandRunner.run(
                work,
                List.of(
                    "tar",
                    "-tJf",
                    prepared.dsc().resolveSibling("pyx_1.0.2-0.debian.tar.xz").toString()))
            .output();
    assertThat(debian).contains("debian/patches/0001-unknown-enum-values.patch");
    // the orig holds the unpatched file; unpacking applies the series
    CommandRunner.run(work, List.of("dpkg-source", "-x", prepared.dsc().toString(), "x"));
    assertThat(work.resolve("x/pyx/ynl.py")).content().contains("'Unknown'");
    assertThat(work.resolve("x/pyx/ynl.py.orig")).doesNotExist();
  }
}
