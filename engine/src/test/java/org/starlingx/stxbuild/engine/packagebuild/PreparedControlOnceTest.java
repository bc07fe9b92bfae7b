package org.starlingx.stxbuild.engine.packagebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.graph.DebControl;
import org.starlingx.stxbuild.engine.source.StxSourceTree;

/**
 * A package whose packaging comes with its download (here a dl_hook that makes debian/, as
 * StarlingX's hook recipes do) is prepared once to be named and planned, not once for each: the
 * preparation (fetch, unpack, dpkg-source) is the costly part of reading it.
 */
class PreparedControlOnceTest {
  @TempDir Path root;

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void aDownloadedPackagingIsPreparedOnceForNameAndPlan() throws IOException {
    Path runs = root.resolve("hook-runs");
    write("stx/debian_trixie_pkg_dirs_std", "hooked\n");
    write("stx/hooked/debian/all/meta_data.yaml", "debver: 1.0-1\ndl_hook: dl_hook\n");
    write(
        "stx/hooked/debian/all/dl_hook",
        "#!/bin/sh\nset -e\necho run >> '"
            + runs
            + "'\nmkdir -p \"$1/debian/source\"\ncd \"$1/debian\"\n"
            + "echo '3.0 (quilt)' > source/format\n"
            + "printf 'Source: hooked\\nMaintainer: S <s@example.invalid>\\n"
            + "Build-Depends: debhelper-compat (= 13)\\n\\nPackage: hooked-bin\\nArchitecture: all\\n"
            + "Description: h\\n h.\\n' > control\n"
            + "printf 'hooked (1.0-1) unstable; urgency=medium\\n\\n  * x.\\n\\n"
            + " -- S <s@example.invalid>  Sat, 01 Jan 2000 00:00:00 +0000\\n' > changelog\n");
    root.resolve("stx/hooked/debian/all/dl_hook").toFile().setExecutable(true);

    PackageBuild build =
        new PackageBuild(
            StxSourceTree.open(root, Map.of()),
            null,
            null,
            null,
            root.resolve("work"),
            BuildProgress.SILENT);
    BuildSettings settings = new BuildSettings("trixie", List.of("std"), "amd64", 1, 0, false);

    assertThat(build.recipes(settings)).containsOnlyKeys("hooked");
    // the control data is the one the hook made
    assertThat(build.controls(settings).get("hooked").binaries())
        .extracting(DebControl.Binary::name)
        .containsExactly("hooked-bin");
    assertThat(Files.readAllLines(runs)).as("runs of the hook").hasSize(1);
  }
}
