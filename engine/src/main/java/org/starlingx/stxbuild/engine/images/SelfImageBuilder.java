package org.starlingx.stxbuild.engine.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.chroot.ChrootCache;
import org.starlingx.stxbuild.engine.chroot.ChrootSpec;
import org.starlingx.stxbuild.engine.chroot.ImageRootfs;
import org.starlingx.stxbuild.engine.files.FileTrees;

/**
 * Builds the project's own images ({@link SelfImages}) from the Debian mirror alone: an mmdebstrap
 * root file system ({@link ImageRootfs}) with the {@code stx-build} jar is the builder image; each
 * pkgbuilder image adds, as a layer, the build chroot of its codename, the same tarball local
 * builds use (same {@link ChrootSpec#key()}), so a pod builds exactly as a local worker does.
 */
public final class SelfImageBuilder {
  /** Where a pkgbuilder image keeps its chroot ({@code STX_CHROOT_CACHE} in the image). */
  public static final String CHROOT_CACHE = "/var/cache/stx-build/chroots";

  private final BuildahImageBuilder buildah;
  private final ChrootCache chroots;
  private final Path work;
  private final URI mirror;

  public SelfImageBuilder(BuildahImageBuilder buildah, ChrootCache chroots, Path work, URI mirror) {
    this.buildah = buildah;
    this.chroots = chroots;
    this.work = work.toAbsolutePath().normalize();
    this.mirror = mirror;
  }

  /**
   * Builds the builder image and a pkgbuilder image per codename; returns every tag built. The
   * layers below the jar (the root file system; a codename's chroot) are local images kept in the
   * buildah store under tags naming what they were made from: a rebuild after a code change only
   * adds the jar layer again (seconds), not the root file system (minutes).
   */
  public List<String> build(SelfImages names, Path cliJar, List<String> codenames) {
    try {
      String base = base();
      Path jarLayer = work.resolve("jar");
      FileTrees.delete(jarLayer);
      Path opt = Files.createDirectories(jarLayer.resolve("opt/stx-build"));
      Files.copy(cliJar, opt.resolve("stx-build.jar"), StandardCopyOption.REPLACE_EXISTING);
      buildah.imageFromDirectory(
          base, jarLayer, "/", Map.of(), List.of("stx-build", "--help"), names.builder());
      List<String> built = new java.util.ArrayList<>(List.of(names.builder()));
      for (String codename : codenames) {
        ChrootCache.Prepared chroot =
            chroots.prepare(ChrootSpec.of(codename).withMirror(mirror), false);
        // The chroot layer below the jar: rebuilt when the tarball is (another key or a refresh).
        String withChroot =
            "localhost/stx-build-chroot-base:"
                + codename
                + "-"
                + digest(
                    base,
                    chroot.tarball().getFileName().toString(),
                    String.valueOf(Files.getLastModifiedTime(chroot.tarball()).toMillis()),
                    String.valueOf(Files.size(chroot.tarball())));
        if (!buildah.has(withChroot)) {
          Path layer = work.resolve("chroot-" + codename);
          FileTrees.delete(layer);
          Files.createDirectories(layer);
          Files.createLink(layer.resolve(chroot.tarball().getFileName()), chroot.tarball());
          buildah.imageFromDirectory(
              base, layer, CHROOT_CACHE + "/", Map.of("STX_DIST", codename), List.of(), withChroot);
        }
        buildah.imageFromDirectory(
            withChroot,
            jarLayer,
            "/",
            Map.of(),
            List.of("stx-build", "pkgbuild"),
            names.pkgbuilder(codename));
        built.add(names.pkgbuilder(codename));
      }
      return built;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the project's images in " + work, e);
    }
  }

  /**
   * The root file system image (JRE, tools, the {@code stx-build} wrapper, no jar), made by
   * mmdebstrap unless the store holds it for this mirror and package set.
   */
  private String base() throws IOException {
    String tag =
        "localhost/stx-build-base:"
            + ImageRootfs.CODENAME
            + "-"
            + digest(mirror.toString(), String.join(",", ImageRootfs.PACKAGES), WRAPPER);
    if (buildah.has(tag)) {
      return tag;
    }
    Path rootfs = work.resolve("rootfs");
    ImageRootfs.make(
        mirror,
        rootfs,
        chroots.cacheRoot().resolve("debs-" + ImageRootfs.CODENAME + "-amd64"),
        work.resolve("rootfs.log"));
    Path wrapper = rootfs.resolve("usr/local/bin/stx-build");
    Files.createDirectories(wrapper.getParent());
    Files.writeString(wrapper, WRAPPER, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("LC_ALL", "C.UTF-8");
    env.put("STX_CHROOT_CACHE", CHROOT_CACHE);
    buildah.imageFromDirectory("scratch", rootfs, "/", env, List.of(), tag);
    FileTrees.delete(rootfs);
    return tag;
  }

  private static final String WRAPPER =
      "#!/bin/sh\nexec java -jar /opt/stx-build/stx-build.jar \"$@\"\n";

  private static String digest(String... parts) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
