package org.starlingx.stxbuild.engine.packagebuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium, headless, taking a screenshot of a local page with every host name
 * unresolvable: what it shows, the page drew from its own file alone.
 */
final class HeadlessChromium {
  private HeadlessChromium() {}

  static Path executable() {
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException(
        "chromium is not installed: testenv/require-tools.sh --tests installs Debian's chromium");
  }

  static void screenshot(Path page, Path png, int width, int height, Path profile)
      throws IOException, InterruptedException {
    Files.createDirectories(png.getParent());
    List<String> command =
        new ArrayList<>(
            List.of(
                executable().toString(),
                "--headless",
                "--no-sandbox", // tests run as root in CI containers
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(),
                page.toUri().toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(profile.resolveSibling("chromium.log").toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("chromium took over 120 s to screenshot " + page);
    }
    if (process.exitValue() != 0 || !Files.isRegularFile(png)) {
      throw new IllegalStateException(
          "chromium exited "
              + process.exitValue()
              + " without a screenshot of "
              + page
              + ": "
              + Files.readString(profile.resolveSibling("chromium.log")));
    }
  }
}
