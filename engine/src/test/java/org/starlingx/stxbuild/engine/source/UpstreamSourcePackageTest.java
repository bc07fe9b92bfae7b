package org.starlingx.stxbuild.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.graph.DebControl;
import org.starlingx.stxbuild.engine.repo.FileDigests;

/** The third shape: an upstream Debian source package, its packaging patched, sources patched. */
class UpstreamSourcePackageTest {
  @TempDir Path work;

  private Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  /** Builds a real upstream source package (what a Debian archive serves) into {@code archive}. */
  private Path upstreamArchive() throws IOException {
    Path archive = Files.createDirectories(work.resolve("archive"));
    Path src = archive.resolve("hello-up-1.0");
    write(src.resolve("hello.txt"), "hello from upstream\n");
    CommandRunner.run(archive, List.of("tar", "-czf", "hello-up_1.0.orig.tar.gz", "hello-up-1.0"));
    write(
        src.resolve("debian/control"),
        "Source: hello-up\nMaintainer: Upstream <up@example.invalid>\nBuild-Depends: debhelper-compat (= 13), libstxsample-dev\n\n"
            + "Package: hello-up\nArchitecture: all\nDescription: upstream hello\n upstream.\n");
    write(
        src.resolve("debian/changelog"),
        "hello-up (1.0-1) unstable; urgency=medium\n\n  * Upstream.\n\n -- Upstream <up@example.invalid>  Sat, 01 Jan 2000 00:00:00 +0000\n");
    write(src.resolve("debian/rules"), "#!/usr/bin/make -f\n%:\n\tdh $@\n");
    write(src.resolve("debian/source/format"), "3.0 (quilt)\n");
    CommandRunner.run(archive, List.of("dpkg-source", "-b", "hello-up-1.0"));
    return archive;
  }

  private PackageRecipe recipe(Path archive, String pin) throws IOException {
    return recipe(archive.toUri().toString(), pin);
  }

  private PackageRecipe recipe(String archive, String pin) throws IOException {
    Path tree = work.resolve("tree");
    write(tree.resolve("debian_pkg_dirs"), "base/hello-up\n");
    Path dir = tree.resolve("base/hello-up/debian");
    write(
        dir.resolve("meta_data.yaml"),
        "debname: hello-up\ndebver: 1.0-1\narchive: " + archive + "\n" + pin);
    write(dir.resolve("deb_patches/series"), "0001-starlingx-description.patch\n");
    write(
        dir.resolve("deb_patches/0001-starlingx-description.patch"),
        "--- a/debian/control\n+++ b/debian/control\n@@ -5,4 +5,4 @@\n Package: hello-up\n Architecture: all\n"
            + "-Description: upstream hello\n+Description: upstream hello, StarlingX build\n  upstream.\n");
    // StarlingX applies the patches its series names (none without a series)
    write(dir.resolve("patches/series"), "0001-greeting.patch\n");
    write(
        dir.resolve("patches/0001-greeting.patch"),
        "--- a/hello.txt\n+++ b/hello.txt\n@@ -1 +1 @@\n-hello from upstream\n+hello from StarlingX\n");
    return StxSourceTree.open(tree).recipes("bullseye", "std").get(0);
  }

  @Test
  void theUpstreamPackageIsFetchedVerifiedAndPatched() throws Exception {
    Path archive = upstreamArchive();
    String pin =
        "dsc_sha256sum: " + FileDigests.of(archive.resolve("hello-up_1.0-1.dsc")).sha256() + "\n";
    PackageRecipe recipe = recipe(archive, pin);
    assertThat(recipe.kind()).isEqualTo(RecipeKind.UPSTREAM_DSC);
    assertThat(recipe.downloads())
        .extracting(SourceDownload::fileName)
        .containsExactly("hello-up_1.0-1.dsc");

    LocalMirrorFetcher mirror = new LocalMirrorFetcher(work.resolve("mirror"), Map.of());
    PreparedSource prepared =
        new SourcePackagePreparer(mirror).prepare(recipe, work.resolve("out"));
    CommandRunner.run(
        work.resolve("out"), List.of("dpkg-source", "-x", prepared.dsc().toString(), "x"));
    assertThat(work.resolve("out/x/hello.txt")).content().isEqualTo("hello from StarlingX\n");
    assertThat(work.resolve("out/x/debian/control")).content().contains("StarlingX build");
    assertThat(DebControl.fromDsc(prepared.dsc()).buildDepends())
        .anySatisfy(r -> assertThat(r.alternatives().get(0).name()).isEqualTo("libstxsample-dev"));
  }

  @Test
  void aTamperedUpstreamFileIsRefused() throws Exception {
    Path archive = upstreamArchive();
    PackageRecipe recipe = recipe(archive, "");
    Files.writeString(archive.resolve("hello-up_1.0.orig.tar.gz"), "tampered");
    LocalMirrorFetcher mirror = new LocalMirrorFetcher(work.resolve("mirror"), Map.of());
    assertThatThrownBy(() -> new SourcePackagePreparer(mirror).prepare(recipe, work.resolve("out")))
        .hasMessageContaining("hello-up_1.0.orig.tar.gz")
        .hasMessageContaining("not kept");
  }

  @Test
  void anUnpinnedDscComesThroughTheMirrorRewriteToo() throws Exception {
    // no dsc_sha256: the .dsc itself is not a pinned download, yet an internal mirror must serve it
    Path archive = upstreamArchive();
    PackageRecipe recipe = recipe("https://upstream.invalid/pool/main/h/hello-up/", "");
    LocalMirrorFetcher mirror =
        new LocalMirrorFetcher(
            work.resolve("mirror"),
            Map.of("https://upstream.invalid/pool/main/h/hello-up/", archive.toUri().toString()));
    PreparedSource prepared =
        new SourcePackagePreparer(mirror).prepare(recipe, work.resolve("out"));
    assertThat(prepared.version()).isEqualTo("1.0-1");
  }

  @Test
  void anUnreachableArchiveNamesTheField() throws Exception {
    PackageRecipe recipe = recipe(work.resolve("nowhere").toUri().toString(), "");
    LocalMirrorFetcher mirror = new LocalMirrorFetcher(work.resolve("mirror"), Map.of());
    assertThatThrownBy(() -> new SourcePackagePreparer(mirror).prepare(recipe, work.resolve("out")))
        .isInstanceOf(SourceLayoutException.class)
        .hasMessageContaining("meta_data.yaml: field 'archive'")
        .hasMessageContaining("hello-up_1.0-1.dsc");
  }
}
