package org.starlingx.stxbuild.engine.packagebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starlingx.stxbuild.engine.demo.DemoJob;
import org.starlingx.stxbuild.engine.demo.ProgressListener;

/**
 * The sample tree built as bin/demo builds it (DemoJob: local workers, local repository), its
 * report opened in headless Chromium with no network name resolving, and screenshot: the picture
 * must show the timeline's bars. The PNG is kept in target/report-screenshots/; with {@code
 * -Dreport.screenshot.docs=true} it also replaces docs/report-timeline.png.
 */
class ReportScreenshotIT {
  private static final int WIDTH = 1200;
  private static final int HEIGHT = 1000;

  @TempDir Path work;

  @Test
  void theSampleBuildsReportShowsItsTimelineInABrowser() throws Exception {
    DemoJob.Outcome demo =
        new DemoJob(
                work.resolve("out"),
                SampleTree.TREE,
                SampleTree.UPSTREAM,
                new ProgressListener() {
                  @Override
                  public void stepStarted(int index, int total, String description) {}

                  @Override
                  public void stepDone(String detail) {}
                },
                BuildProgress.SILENT)
            .run(3);
    Path report = demo.build().reportPage();
    String html = Files.readString(report);
    assertThat(html).contains("10 built, 0 reused").contains("<svg class=\"timeline\"");
    assertThat(html).contains(">worker-1</text>").contains("<svg class=\"graph\"");

    Path png = Path.of("target", "report-screenshots", "sample-report.png").toAbsolutePath();
    Files.deleteIfExists(png);
    HeadlessChromium.screenshot(report, png, WIDTH, HEIGHT, work.resolve("chromium-profile"));

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    assertThat(image.getHeight()).isEqualTo(HEIGHT);
    // the timeline's built bars (#3a8f5c) are drawn: thousands of their pixels
    assertThat(pixels(image, 0x3a8f5c)).as("pixels of built bars").isGreaterThan(2000);
    if (Boolean.getBoolean("report.screenshot.docs")) {
      Path docs = Path.of("").toAbsolutePath().getParent().resolve("docs/report-timeline.png");
      Files.copy(png, docs, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static long pixels(BufferedImage image, int rgb) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          count++;
        }
      }
    }
    return count;
  }
}
