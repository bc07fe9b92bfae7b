package org.starlingx.stxbuild.engine.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upstream tarballs are hostile input: unpacked (even by root, as these tests run in CI) they leave
 * no device, FIFO, setuid/setgid or world-writable file and no foreign owner, and a member that
 * would land outside the target refuses the archive.
 */
class SafeArchiveExtractorTest {
  @TempDir Path dir;

  private interface Members {
    void write(TarArchiveOutputStream tar) throws IOException;
  }

  private Path tarball(String name, Members members) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream compressed =
            name.endsWith(".xz")
                ? new XZCompressorOutputStream(raw)
                : new GzipCompressorOutputStream(raw);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      members.write(tar);
    }
    return file;
  }

  private static void file(TarArchiveOutputStream tar, String name, int mode, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name, true); // keeps a leading '/'
    entry.setMode(mode);
    entry.setSize(bytes.length);
    entry.setIds(1234, 1234);
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  private static void special(TarArchiveOutputStream tar, String name, byte type, int mode)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, type);
    entry.setMode(mode);
    entry.setDevMajor(1);
    entry.setDevMinor(3);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }

  private static void link(TarArchiveOutputStream tar, String name, String target, byte type)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, type);
    entry.setLinkName(target);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }

  @Test
  void devicesSetuidFilesAndOwnersAreNotUnpacked() throws IOException {
    Path archive =
        tarball(
            "evil-1.0.tar.gz",
            tar -> {
              TarArchiveEntry top = new TarArchiveEntry("evil-1.0/");
              top.setMode(02777);
              tar.putArchiveEntry(top);
              tar.closeArchiveEntry();
              file(tar, "evil-1.0/bin/su", 04755, "#!/bin/sh\n");
              file(tar, "evil-1.0/sgid", 02755, "x");
              file(tar, "evil-1.0/world", 01666, "x");
              special(tar, "evil-1.0/dev/null", TarConstants.LF_CHR, 0666);
              special(tar, "evil-1.0/dev/sda", TarConstants.LF_BLK, 0660);
              special(tar, "evil-1.0/fifo", TarConstants.LF_FIFO, 0666);
              link(tar, "evil-1.0/etc", "/etc", TarConstants.LF_SYMLINK);
              link(tar, "evil-1.0/hard", "evil-1.0/bin/su", TarConstants.LF_LINK);
            });
    Path target = dir.resolve("work");

    SafeArchiveExtractor.Extracted extracted = SafeArchiveExtractor.extract(archive, target, 1);

    assertThat(extracted.leftOut())
        .containsExactly(
            "evil-1.0/dev/null (character device, not unpacked)",
            "evil-1.0/dev/sda (block device, not unpacked)",
            "evil-1.0/fifo (FIFO, not unpacked)");
    assertThat(target.resolve("bin/su")).hasContent("#!/bin/sh");
    assertThat(target.resolve("hard")).hasContent("#!/bin/sh");
    assertThat(Files.readSymbolicLink(target.resolve("etc"))).isEqualTo(Path.of("/etc"));
    int me = (Integer) Files.getAttribute(dir, "unix:uid");
    try (Stream<Path> walk = Files.walk(target)) {
      for (Path path : walk.toList()) {
        assertThat(
                Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                    || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                    || Files.isSymbolicLink(path))
            .as("%s is a plain file, directory or link", path)
            .isTrue();
        if (!Files.isSymbolicLink(path)) {
          int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
          assertThat(mode & 07002).as("special or world-write bits of %s", path).isZero();
        }
        assertThat(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS))
            .as("owner of %s", path)
            .isEqualTo(me);
      }
    }
    assertThat(Files.isExecutable(target.resolve("bin/su"))).isTrue();
  }

  @Test
  void membersOutsideTheTargetRefuseTheArchive() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    for (String member : List.of("p-1/../../outside/x", "/outside/x", "p-1/../../../etc/x")) {
      Path archive = tarball("p.tar.gz", tar -> file(tar, member, 0644, "x"));
      assertThatThrownBy(() -> SafeArchiveExtractor.extract(archive, dir.resolve("w"), 1))
          .isInstanceOf(SafeArchiveExtractor.RefusedArchiveException.class)
          .hasMessageContaining("member '" + member + "'")
          .hasMessageContaining("the archive is refused");
    }
    Path throughLink =
        tarball(
            "link.tar.xz",
            tar -> {
              link(tar, "p-1/out", outside.toString(), TarConstants.LF_SYMLINK);
              file(tar, "p-1/out/planted", 0644, "x");
            });
    assertThatThrownBy(() -> SafeArchiveExtractor.extract(throughLink, dir.resolve("w2"), 1))
        .isInstanceOf(SafeArchiveExtractor.RefusedArchiveException.class)
        .hasMessageContaining("through the link out");
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void anUncompressedTarballMadeByTarUnpacks() throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/pkg-2.0"));
    Files.writeString(src.resolve("README"), "hello\n");
    Path archive = dir.resolve("pkg.tar");
    org.starlingx.stxbuild.engine.exec.CommandRunner.run(
        dir.resolve("src"), List.of("tar", "-cf", archive.toString(), "pkg-2.0"));
    SafeArchiveExtractor.extract(archive, dir.resolve("w"), 1);
    assertThat(dir.resolve("w/README")).hasContent("hello");
  }

  @Test
  void aTreeUnpackedByAnotherToolLosesItsSpecialFilesAndBits() throws IOException {
    Path tree = Files.createDirectories(dir.resolve("unpacked/bin"));
    Files.writeString(tree.resolve("su"), "x");
    Files.setAttribute(tree.resolve("su"), "unix:mode", 04777);
    org.starlingx.stxbuild.engine.exec.CommandRunner.run(
        tree, List.of("mkfifo", tree.resolve("pipe").toString()));
    Files.createSymbolicLink(tree.resolve("etc"), Path.of("/etc"));

    assertThat(SafeArchiveExtractor.sanitize(dir.resolve("unpacked"))).containsExactly("bin/pipe");

    assertThat(tree.resolve("pipe")).doesNotExist();
    assertThat((Integer) Files.getAttribute(tree.resolve("su"), "unix:mode") & 07777)
        .isEqualTo(0755);
    assertThat(Files.isSymbolicLink(tree.resolve("etc"))).isTrue();
    assertThat((Integer) Files.getAttribute(Path.of("/etc"), "unix:mode") & 07777)
        .as("a link's target is never touched")
        .isEqualTo(0755);
  }
}
