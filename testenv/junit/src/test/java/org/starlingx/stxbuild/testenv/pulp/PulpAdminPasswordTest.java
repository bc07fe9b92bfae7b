package org.starlingx.stxbuild.testenv.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * testenv/pulp.sh sets Pulp's admin password with the line it really runs, against a stand-in for
 * pulpcore-manager that parses its arguments with Python's argparse as Django's command does. A
 * generated password may begin with "-" (1 in 64): as a separate argument argparse takes it for an
 * option and fails, and a fresh machine's CI run fails with it.
 */
class PulpAdminPasswordTest {
  private static final Path PULP_SH = locate("testenv/pulp.sh");

  @Test
  void passwordBeginningWithADashReachesPulpUnchanged(@TempDir Path dir) throws Exception {
    assertThat(setPassword(dir, "-Zx3_kq9")).isEqualTo("-Zx3_kq9");
    assertThat(setPassword(dir, "--dash-dash")).isEqualTo("--dash-dash");
    assertThat(setPassword(dir, "plain_Secret1")).isEqualTo("plain_Secret1");
  }

  private static String setPassword(Path dir, String password) throws Exception {
    String line = resetAdminPasswordCommand();
    Path etc = Files.createDirectories(dir.resolve("etc"));
    Path bin = Files.createDirectories(dir.resolve("venv/bin"));
    Files.writeString(etc.resolve("admin-password"), password + "\n");
    Path manager = bin.resolve("pulpcore-manager");
    Path received = dir.resolve("received");
    Files.writeString(
        manager,
        String.join(
            "\n",
            "#!/usr/bin/env python3",
            "import argparse, sys",
            "p = argparse.ArgumentParser(prog='pulpcore-manager')",
            "p.add_argument('command')",
            "p.add_argument('--password')",
            "a = p.parse_args()",
            "open(sys.argv[0] + '.received', 'w').write(a.password)",
            ""));
    Files.setPosixFilePermissions(manager, PosixFilePermissions.fromString("rwxr-xr-x"));
    Process process =
        new ProcessBuilder(
                "bash",
                "-c",
                "venv=\"$1\"; etc=\"$2\"; " + line,
                "pulp.sh",
                dir.resolve("venv").toString(),
                etc.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return Files.readString(manager.resolveSibling("pulpcore-manager.received"));
  }

  /** The reset-admin-password command of pulp.sh, without its log redirection. */
  private static String resetAdminPasswordCommand() throws Exception {
    List<String> lines = Files.readAllLines(PULP_SH);
    String line =
        lines.stream()
            .filter(l -> l.contains("reset-admin-password"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("pulp.sh no longer sets the admin password"));
    return line.strip().replaceAll("\\\\$", "").strip();
  }

  private static Path locate(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
