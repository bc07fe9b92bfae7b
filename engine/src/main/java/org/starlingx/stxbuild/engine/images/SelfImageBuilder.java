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

  /** Builds the builder image and a pkgbuilder image per codename; returns every tag built. */
  public List<String> build(SelfImages names, Path cliJar, List<String> codenames) {
    try {
      Path rootfs = work.resolve("rootfs");
      ImageRootfs.make(
          mirror,
          rootfs,
          chroots.cacheRoot().resolve("debs-" + ImageRootfs.CODENAME + "-amd64"),
          work.resolve("rootfs.log"));
      Path opt = Files.createDirectories(rootfs.resolve("opt/stx-build"));
      Files.copy(cliJar, opt.resolve("stx-build.jar"), StandardCopyOption.REPLACE_EXISTING);
      Path wrapper = rootfs.resolve("usr/local/bin/stx-build");
      Files.createDirectories(wrapper.getParent());
      Files.writeString(
          wrapper,
          "#!/bin/sh\nexec java -jar /opt/stx-build/stx-build.jar \"$@\"\n",
          StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
      Map<String, String> env = new LinkedHashMap<>();
      env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
      env.put("LC_ALL", "C.UTF-8");
      env.put("STX_CHROOT_CACHE", CHROOT_CACHE);
      buildah.imageFromDirectory(
          "scratch", rootfs, "/", env, List.of("stx-build", "--help"), names.builder());
      List<String> built = new java.util.ArrayList<>(List.of(names.builder()));
      for (String codename : codenames) {
        ChrootCache.Prepared chroot =
            chroots.prepare(ChrootSpec.of(codename).withMirror(mirror), false);
        Path layer = work.resolve("chroot-" + codename);
        FileTrees.delete(layer);
        Files.createDirectories(layer);
        Files.createLink(layer.resolve(chroot.tarball().getFileName()), chroot.tarball());
        buildah.imageFromDirectory(
            names.builder(),
            layer,
            CHROOT_CACHE + "/",
            Map.of("STX_DIST", codename),
            List.of("stx-build", "pkgbuild"),
            names.pkgbuilder(codename));
        built.add(names.pkgbuilder(codename));
      }
      return built;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the project's images in " + work, e);
    }
  }
}
