package org.starlingx.stxbuild.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small native packages of a test tree (StarlingX's layout, debian/deb_folder). */
final class NativeTestPackage {
  private NativeTestPackage() {}

  /** A package of the tree: its name, build command and in-tree build-deps. */
  static void write(Path repo, String name, String build, String buildDeps) throws IOException {
    Path debian = repo.resolve(name).resolve("debian");
    Files.createDirectories(debian.resolve("deb_folder"));
    Files.createDirectories(repo.resolve(name).resolve("src"));
    Files.writeString(repo.resolve(name).resolve("src/README"), name + "\n");
    Files.writeString(
        debian.resolve("meta_data.yaml"), "debname: " + name + "\ndebver: 1.0\nsrc_path: src\n");
    Files.writeString(
        debian.resolve("deb_folder/control"),
        "Source: "
            + name
            + "\nMaintainer: T <t@example.invalid>\nBuild-Depends: debhelper-compat (= 13)"
            + buildDeps
            + "\n\nPackage: "
            + name
            + "\nArchitecture: all\nDescription: test\n test.\n");
    Files.writeString(
        debian.resolve("deb_folder/rules"),
        "#!/usr/bin/make -f\n%:\n\tdh $@\noverride_dh_auto_build:\n\t" + build + "\n");
    debian.resolve("deb_folder/rules").toFile().setExecutable(true);
    // A native version: StarlingX's rules (and dpkg-source) want the native format said.
    Files.createDirectories(debian.resolve("deb_folder/source"));
    Files.writeString(debian.resolve("deb_folder/source/format"), "3.0 (native)\n");
  }
}
