package org.starlingx.stxbuild.engine.repo.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.starlingx.stxbuild.engine.repo.AptSource;

/**
 * A CLI in a build's agent pod reads Pulp's published URLs (testenv's CONTENT_ORIGIN is loopback)
 * at the content URL it is told, and only when it is told one.
 */
class ReachableContentTest {
  private static final URI MIRRORED =
      URI.create("http://127.0.0.1:24816/pulp/content/stx/mirrors/downloads/hello-2.10.tar.gz");

  @Test
  void thePublishedOriginIsReadAtTheConfiguredContentUrl() {
    ReachableContent content =
        ReachableContent.at(
            URI.create("http://10.213.0.1:24816"), () -> Optional.of("http://127.0.0.1:24816"));
    assertThat(content.url(MIRRORED))
        .hasToString(
            "http://10.213.0.1:24816/pulp/content/stx/mirrors/downloads/hello-2.10.tar.gz");
  }

  @Test
  void withoutAConfiguredContentUrlNothingIsGuessed() {
    AtomicInteger asked = new AtomicInteger();
    ReachableContent content =
        ReachableContent.at(
            null,
            () -> {
              asked.incrementAndGet();
              return Optional.of("http://127.0.0.1:24816");
            });
    assertThat(content.url(MIRRORED)).isEqualTo(MIRRORED);
    assertThat(ReachableContent.asPublished().url(MIRRORED)).isEqualTo(MIRRORED);
    assertThat(asked).hasValue(0);
  }

  @Test
  void otherHostsAndAnUnknownOriginAreLeftAlone() {
    ReachableContent content =
        ReachableContent.at(
            URI.create("http://pulp-content.stx-build:24816/"),
            () -> Optional.of("http://127.0.0.1:24816/"));
    URI debian = URI.create("http://deb.debian.org/debian/pool/main/h/hello/hello_2.10.dsc");
    assertThat(content.url(debian)).isEqualTo(debian);
    // same host, another port: not the origin
    URI api = URI.create("http://127.0.0.1:24817/pulp/api/v3/status/");
    assertThat(content.url(api)).isEqualTo(api);
    ReachableContent unknown =
        ReachableContent.at(URI.create("http://10.213.0.1:24816"), Optional::empty);
    assertThat(unknown.url(MIRRORED)).isEqualTo(MIRRORED);
  }

  @Test
  void pulpIsAskedForItsOriginOnce() {
    AtomicInteger asked = new AtomicInteger();
    ReachableContent content =
        ReachableContent.at(
            URI.create("http://10.213.0.1:24816"),
            () -> {
              asked.incrementAndGet();
              return Optional.of("http://127.0.0.1:24816");
            });
    content.url(MIRRORED);
    content.url(MIRRORED);
    assertThat(asked).hasValue(1);
  }

  @Test
  void anAptSourceOfTheBranchIsReadAtTheContentUrlWithItsSuiteComponentAndKey() {
    ReachableContent content =
        ReachableContent.at(
            URI.create("http://10.213.0.1:24816"), () -> Optional.of("http://127.0.0.1:24816"));
    AptSource published =
        new AptSource(
            URI.create("http://127.0.0.1:24816/pulp/content/stx/branches/starlingx-main/"),
            "default",
            "all",
            java.nio.file.Path.of("/etc/apt/keyrings/stx.gpg"));
    AptSource reached = content.source(published);
    assertThat(reached.sourcesListLine())
        .isEqualTo(
            "deb [signed-by=/etc/apt/keyrings/stx.gpg]"
                + " http://10.213.0.1:24816/pulp/content/stx/branches/starlingx-main/ default all");
    // read as published without a content URL, and a rewritten source is not rewritten again
    assertThat(ReachableContent.asPublished().source(published)).isSameAs(published);
    assertThat(content.source(reached)).isEqualTo(reached);
  }
}
