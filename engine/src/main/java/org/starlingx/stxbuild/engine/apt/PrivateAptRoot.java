package org.starlingx.stxbuild.engine.apt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.starlingx.stxbuild.engine.exec.CommandRunner;
import org.starlingx.stxbuild.engine.repo.AptSource;

/**
 * A throwaway apt root ({@code apt-get -o Dir=...}): the real apt-get reads only the sources given
 * here, never the machine's, and downloads into a directory of its own.
 */
public final class PrivateAptRoot {
  private final Path root;

  public PrivateAptRoot(Path root) throws IOException {
    this.root = root;
    for (String dir :
        List.of(
            "etc/apt/sources.list.d",
            "etc/apt/apt.conf.d",
            "etc/apt/preferences.d",
            "etc/apt/trusted.gpg.d",
            "var/lib/apt/lists/partial",
            "var/cache/apt/archives/partial",
            "var/lib/dpkg",
            "downloads")) {
      Files.createDirectories(root.resolve(dir));
    }
    Files.writeString(root.resolve("var/lib/dpkg/status"), "");
    Files.writeString(root.resolve("etc/apt/apt.conf"), "");
  }

  /** Writes {@code sources.list} with exactly these sources. */
  public PrivateAptRoot sources(AptSource... sources) throws IOException {
    StringBuilder list = new StringBuilder();
    for (AptSource source : sources) {
      list.append(source.sourcesListLine()).append('\n');
    }
    Files.writeString(root.resolve("etc/apt/sources.list"), list.toString());
    return this;
  }

  /** Runs {@code apt-get update}; fails with apt's output when apt refuses anything. */
  public String update() {
    return aptGet(root, "update");
  }

  /** Runs {@code apt-get download name} and returns the downloaded file. */
  public Path download(String packageName) throws IOException {
    Path downloads = root.resolve("downloads");
    aptGet(downloads, "download", packageName);
    try (var files = Files.list(downloads)) {
      return files
          .filter(file -> file.getFileName().toString().startsWith(packageName + "_"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("apt-get download left no " + packageName));
    }
  }

  /** The names of every package the sources' indexes list ({@code apt-cache pkgnames}). */
  public List<String> packageNames() {
    return apt("apt-cache", root, "pkgnames").lines().map(String::strip).sorted().toList();
  }

  private String aptGet(Path workDir, String... args) {
    return apt("apt-get", workDir, args);
  }

  private String apt(String tool, Path workDir, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                tool,
                "-q",
                "-o",
                "Dir=" + root,
                "-o",
                "Dir::State::status=" + root.resolve("var/lib/dpkg/status"),
                "-o",
                "APT::Architecture=amd64",
                "-o",
                "Debug::NoLocking=1",
                "-o",
                "APT::Sandbox::User=root",
                "-o",
                "Acquire::Languages=none",
                "-o",
                "APT::Get::List-Cleanup=0"));
    command.addAll(List.of(args));
    String output = CommandRunner.run(workDir, command).output();
    if (output.contains("W: ") || output.contains("E: ")) {
      throw new IllegalStateException(
          tool + " " + String.join(" ", args) + " complained:\n" + output);
    }
    return output;
  }
}
