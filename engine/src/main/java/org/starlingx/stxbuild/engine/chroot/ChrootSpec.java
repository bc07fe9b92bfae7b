package org.starlingx.stxbuild.engine.chroot;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a build chroot is made of: a Debian codename and architecture, the mirror its packages come
 * from, and the packages pre-installed in it (so that builds do not install the common build-deps
 * again and again; StarlingX's pkgbuilder pre-seeds its chroots the same way). Two specs with the
 * same {@link #key()} give the same chroot.
 *
 * @param codename the target distribution, e.g. {@code bullseye} or {@code trixie}
 * @param arch the Debian architecture, e.g. {@code amd64}
 * @param mirror the Debian mirror (a StarlingX-style snapshot or an internal mirror)
 * @param seedPackages packages installed in the chroot besides {@code build-essential}
 */
public record ChrootSpec(String codename, String arch, URI mirror, List<String> seedPackages) {
  /** Debian's own mirror, reachable from most machines. */
  public static final URI DEBIAN_MIRROR = URI.create("http://deb.debian.org/debian");

  /**
   * The packages StarlingX's pkgbuilder pre-installs in its chroots (tools' debbuilder.py,
   * sbuild-createchroot --include), plus python3-wheel which many StarlingX python packages need.
   */
  public static final List<String> STARLINGX_SEED =
      List.of(
          "apt-transport-https",
          "autoconf",
          "automake",
          "ca-certificates",
          "cmake",
          "debhelper",
          "devscripts",
          "dh-python",
          "eatmydata",
          "fakeroot",
          "gpgv",
          "libssl-dev",
          "libtool",
          "perl",
          "perl-openssl-defaults",
          "pkg-config",
          "python3-all-dev",
          "python3-setuptools",
          "python3-wheel",
          "quilt");

  /** Bumped when the way chroots are made changes, so old cached chroots are not reused. */
  static final int FORMAT = 1;

  public ChrootSpec {
    if (codename == null || !codename.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "codename '" + codename + "' is not a Debian codename; expected e.g. bullseye or trixie");
    }
    if (arch == null || !arch.matches("[a-z0-9]+")) {
      throw new IllegalArgumentException(
          "architecture '" + arch + "' is not a Debian architecture; expected e.g. amd64");
    }
    if (mirror == null
        || mirror.getScheme() == null
        || !List.of("http", "https", "file").contains(mirror.getScheme())) {
      throw new IllegalArgumentException(
          "mirror '" + mirror + "' is not usable; expected an http, https or file URL");
    }
    seedPackages = seedPackages.stream().map(String::strip).distinct().sorted().toList();
    for (String name : seedPackages) {
      if (!name.matches("[a-z0-9][a-z0-9+.-]+")) {
        throw new IllegalArgumentException(
            "seed package '" + name + "' is not a Debian package name");
      }
    }
  }

  /** The default chroot of a codename: Debian's mirror, StarlingX's seed packages. */
  public static ChrootSpec of(String codename) {
    return new ChrootSpec(codename, "amd64", DEBIAN_MIRROR, STARLINGX_SEED);
  }

  public ChrootSpec withMirror(URI other) {
    return new ChrootSpec(codename, arch, other, seedPackages);
  }

  public ChrootSpec withSeedPackages(List<String> other) {
    return new ChrootSpec(codename, arch, mirror, other);
  }

  /** This chroot with {@code extra} pre-installed as well (e.g. a tree's {@link TreeSeed}). */
  public ChrootSpec plusSeedPackages(java.util.Collection<String> extra) {
    List<String> all = new java.util.ArrayList<>(seedPackages);
    all.addAll(extra);
    return new ChrootSpec(codename, arch, mirror, all);
  }

  /** A short hash of everything that makes the chroot what it is. */
  public String key() {
    String text =
        "format="
            + FORMAT
            + "\ncodename="
            + codename
            + "\narch="
            + arch
            + "\nmirror="
            + mirror.toString().replaceAll("/+$", "")
            + "\nseed="
            + String.join(",", seedPackages)
            + "\n";
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The cached chroot's name, e.g. {@code bullseye-amd64-0123456789abcdef}. */
  public String name() {
    return codename + "-" + arch + "-" + key();
  }
}
