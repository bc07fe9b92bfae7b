package org.starlingx.stxbuild.engine.chroot;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The shell script one package build runs in its own mount and PID namespace: it mounts an overlay
 * of the cached chroot (the build's writes go to its own upper directory), a minimal {@code /dev},
 * {@code /proc} and the build directory; inside the chroot it adds the in-tree build-deps as a
 * local apt source, unpacks the source package and installs its build-deps with {@code apt-get
 * build-dep} from the Debian mirror and that source; then it runs {@code dpkg-buildpackage} with
 * the {@link CleanEnvironment} and without network. The {@code STX-BUILD-START}/{@code END} lines
 * time {@code dpkg-buildpackage} alone.
 *
 * <p>Installing build-deps is most of a short package's build (StarlingX's users measure 70-96 %),
 * so a chroot can be seeded with the tree's common build-deps ({@link TreeSeed}); when the chroot
 * holds every build-dep of a package, apt is not run at all (dpkg-checkbuilddeps says so), and
 * man-db's index is not updated after installs. Two more things keep the installs short without
 * changing what is built: the Debian {@code .deb} files a build downloads are kept in the
 * codename's cache ({@link ChrootCache.Prepared#debCache()}) and offered to later builds as hard
 * links in apt's archive directory (a Debian file name, package_version_arch, never names two
 * contents, and the cache is per codename), and dpkg unpacks with {@code force-unsafe-io} (no fsync
 * per file: the overlay is thrown away after the build anyway, as sbuild and mmdebstrap do for
 * their build chroots). Each build links into its own upper layer, so parallel builds share no
 * writable apt directory.
 */
public final class ChrootBuildScript {
  /** Where the build directory appears inside the chroot. */
  public static final String BUILD_DIR = "/build";

  private ChrootBuildScript() {}

  /**
   * @param lower the cached chroot root (read-only)
   * @param work the build's private directory (upper layer, mount point, {@code build/})
   * @param dscName the source package's {@code .dsc}, in {@code work/build}
   * @param withDeps whether {@code work/build/deps} holds in-tree build-deps
   * @param debCache the codename's {@code .deb} cache shared by builds (see above)
   */
  public static String render(
      String lower,
      String work,
      String dscName,
      boolean withDeps,
      String debCache,
      Map<String, String> buildEnv) {
    return render(lower, work, dscName, withDeps, debCache, buildEnv, Optional.empty());
  }

  /**
   * @param aptProxy a proxy apt fetches the Debian mirror through, written to the overlay's {@code
   *     /etc/apt/apt.conf.d} (the cached chroot is not changed)
   */
  public static String render(
      String lower,
      String work,
      String dscName,
      boolean withDeps,
      String debCache,
      Map<String, String> buildEnv,
      Optional<AptProxy> aptProxy) {
    String q = MmdebstrapCommand.shellQuote(lower);
    String cache = MmdebstrapCommand.shellQuote(debCache);
    String w = MmdebstrapCommand.shellQuote(work);
    String env =
        buildEnv.entrySet().stream()
            .map(e -> MmdebstrapCommand.shellQuote(e.getKey() + "=" + e.getValue()))
            .collect(Collectors.joining(" "));
    String prepare =
        String.join(
            "\n",
            List.of(
                "set -eu",
                "cd /build",
                withDeps
                    ? "(cd /build/deps && dpkg-scanpackages --multiversion . > Packages 2>/dev/null)\n"
                        + "echo 'deb [trusted=yes] file:/build/deps ./' >"
                        + " /etc/apt/sources.list.d/stx-session.list\n"
                        + "apt-get -q update -o Dir::Etc::sourcelist=sources.list.d/stx-session.list"
                        + " -o Dir::Etc::sourceparts=- -o APT::Get::List-Cleanup=0"
                    : ": no in-tree build-deps",
                BuildPhases.marker(BuildPhases.SESSION_SOURCE),
                "dpkg-source -x " + MmdebstrapCommand.shellQuote(dscName) + " src",
                BuildPhases.marker(BuildPhases.UNPACK_SOURCE),
                // apt-get build-dep costs seconds even with nothing to install (it rebuilds its
                // cache over the whole archive's lists to add the source's own index):
                // dpkg-checkbuilddeps, which dpkg-buildpackage runs itself first, tells in a
                // fraction
                // of that whether the (seeded) chroot holds every build-dep already.
                "if unmet=$(cd src && dpkg-checkbuilddeps 2>&1); then",
                "  echo '== every build-dep is installed in the chroot already'",
                "else",
                "  echo \"== to install: ${unmet#*: error: }\"",
                "  apt-get -q -y -o APT::Install-Recommends=false -o APT::Install-Suggests=false"
                    + " -o APT::Keep-Downloaded-Packages=true build-dep ./src",
                "fi",
                BuildPhases.marker(BuildPhases.BUILD_DEPS)));
    String build =
        "set -eu; cd /build/src; echo STX-BUILD-START=$(date +%s.%N);"
            + " rc=0; dpkg-buildpackage -b -us -uc || rc=$?;"
            + " echo STX-BUILD-END=$(date +%s.%N); exit $rc";
    return String.join(
        "\n",
        "#!/bin/sh",
        "set -eu",
        "lower=" + q,
        "work=" + w,
        "cache=" + cache,
        "root=\"$work/root\"",
        "mkdir -p \"$work/upper\" \"$work/ovl\" \"$root\"",
        "archives=\"$work/upper/var/cache/apt/archives\"",
        "mkdir -p \"$archives\" \"$work/upper/etc/dpkg/dpkg.cfg.d\"",
        "echo force-unsafe-io > \"$work/upper/etc/dpkg/dpkg.cfg.d/stx-build-unsafe-io\"",
        "if mkdir -p \"$cache\" 2>/dev/null; then",
        "  find \"$cache\" -maxdepth 1 -name '*.deb' -exec ln -t \"$archives\" {} + 2>/dev/null"
            + " || true",
        "fi",
        "mount -t overlay overlay -o \"lowerdir=$lower,upperdir=$work/upper,workdir=$work/ovl\""
            + " \"$root\"",
        "mount -t proc proc \"$root/proc\"",
        "mount -t tmpfs -o mode=755 tmpfs \"$root/dev\"",
        "for d in null zero full random urandom tty; do",
        "  touch \"$root/dev/$d\"; mount --bind \"/dev/$d\" \"$root/dev/$d\"",
        "done",
        "ln -s /proc/self/fd \"$root/dev/fd\"",
        "ln -s /proc/self/fd/0 \"$root/dev/stdin\"",
        "ln -s /proc/self/fd/1 \"$root/dev/stdout\"",
        "ln -s /proc/self/fd/2 \"$root/dev/stderr\"",
        "mkdir -p \"$root/dev/pts\" \"$root/dev/shm\"",
        "mount -t devpts -o newinstance,ptmxmode=0666 devpts \"$root/dev/pts\"",
        "ln -s pts/ptmx \"$root/dev/ptmx\"",
        "mount -t tmpfs tmpfs \"$root/dev/shm\"",
        "mount -t tmpfs tmpfs \"$root/tmp\"",
        "mkdir -p \"$root/build\"",
        "mount --bind \"$work/build\" \"$root/build\"",
        // No man-db index update after installing build-deps (a trigger that reads every manual
        // page, as sbuild's chroots skip it): builds never read the index.
        "rm -f \"$root/var/lib/man-db/auto-update\"",
        "rm -f \"$root/etc/resolv.conf\"",
        "if [ -f /etc/resolv.conf ]; then cat /etc/resolv.conf > \"$root/etc/resolv.conf\"; fi",
        aptProxy
            .map(
                p ->
                    "printf '%s\\n' "
                        + MmdebstrapCommand.shellQuote(p.aptConf())
                        + " > \"$root/etc/apt/apt.conf.d/00stx-apt-proxy\"")
            .orElse(": no apt proxy"),
        BuildPhases.marker(BuildPhases.OVERLAY),
        "echo '== installing build-deps'",
        "chroot \"$root\" /usr/bin/env -i "
            + env
            + " /bin/sh -c "
            + MmdebstrapCommand.shellQuote(prepare),
        "find \"$archives\" -maxdepth 1 -name '*.deb' -exec ln -t \"$cache\" {} + 2>/dev/null"
            + " || true",
        BuildPhases.marker(BuildPhases.KEEP_DEBS),
        "echo '== building (no network)'",
        "unshare --net chroot \"$root\" /usr/bin/env -i "
            + env
            + " /bin/sh -c "
            + MmdebstrapCommand.shellQuote(build),
        "");
  }

  /** The command that runs the script in new mount and PID namespaces. */
  public static List<String> launcher(String script) {
    List<String> argv = new java.util.ArrayList<>(List.of("unshare"));
    if (!Namespaces.root()) {
      argv.addAll(List.of("--map-root-user", "--map-auto"));
    }
    argv.addAll(List.of("--mount", "--pid", "--fork", "--kill-child", "--propagation", "private"));
    argv.addAll(List.of("/bin/sh", script));
    return argv;
  }
}
