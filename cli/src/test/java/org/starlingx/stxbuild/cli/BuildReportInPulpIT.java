package org.starlingx.stxbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.packagebuild.ReportLink;
import org.starlingx.stxbuild.engine.repo.pulp.PulpConnection;

/**
 * A build into Pulp publishes its report and the package logs it links to Pulp's content app, and
 * hands that address (not a path on the build machine) to whoever shows it: the Jenkins build page
 * reads it from the file {@code STX_REPORT_LINK} names.
 */
class BuildReportInPulpIT {
  private static final Path JAR = Path.of("target", "stx-build.jar").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void theReportAndItsLogsOpenFromPulpsContentApp() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("tree/repo"));
    Files.writeString(repo.resolve("debian_pkg_dirs"), "stx-report-it\n");
    // Unique per run: an identical package would be reused from an earlier run's good build.
    NativeTestPackage.write(repo, "stx-report-it", "echo report-it-" + System.nanoTime(), "");
    PulpConnection pulp = TestenvPulp.client().connection();
    Path passwordFile = dir.resolve("password");
    Files.writeString(passwordFile, pulp.password());
    Path link = dir.resolve("link.properties");
    Path output = dir.resolve("out.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                JAR.toString(),
                "build",
                "--tree",
                dir.resolve("tree").toString(),
                "--work",
                dir.resolve("work").toString(),
                "--mirror",
                dir.resolve("mirror").toString(),
                "--user",
                "report-it-" + System.nanoTime(),
                "--pulp-url",
                pulp.apiUrl().toString(),
                "--pulp-content-url",
                pulp.contentUrl().toString(),
                "--pulp-user",
                pulp.username(),
                "--pulp-password-file",
                passwordFile.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put(ReportLink.ENV, link.toString());
    Process build = builder.start();
    assertThat(build.waitFor(10, TimeUnit.MINUTES)).isTrue();
    String out = Files.readString(output);
    assertThat(build.exitValue()).as(out).isZero();

    Matcher printed = Pattern.compile("; report: (\\S+)").matcher(out);
    assertThat(printed.find()).as(out).isTrue();
    URI report = URI.create(printed.group(1));
    assertThat(report.toString()).startsWith(pulp.contentUrl().toString()).endsWith("report.html");
    ReportLink handed = ReportLink.parse(Files.readString(link)).orElseThrow();
    assertThat(handed.report()).isEqualTo(report.toString());
    assertThat(handed.summary()).contains("1 built");

    HttpClient http = HttpClient.newHttpClient();
    String page = get(http, report);
    assertThat(page).contains("stx-report-it").contains("1 built");
    // the report's link to the package log resolves beside it in Pulp
    assertThat(page).contains("href=\"stx-report-it.log\"");
    assertThat(get(http, report.resolve("stx-report-it.log"))).contains("dpkg-buildpackage");
    assertThat(get(http, report.resolve("index.html"))).contains("stx-report-it.log");
  }

  private static String get(HttpClient http, URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
    return response.body();
  }
}
