package org.starlingx.stxbuild.engine.repo.pulp;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import org.starlingx.stxbuild.engine.repo.AptSource;

/**
 * Where this process reads what Pulp's content app serves. Pulp writes its {@code CONTENT_ORIGIN}
 * into every URL it publishes (distributions' base URLs, hence the downloads mirror's files and the
 * session's packages); a process that cannot reach that origin (a CLI in a build's agent pod, where
 * testenv's loopback origin or a public name is not reachable) is told the content URL it reaches,
 * and published URLs are read there instead. Without such a URL, URLs are read as published: no
 * address is guessed from the API's (a chart's content service is a host of its own).
 */
public final class ReachableContent {
  private final String contentUrl;
  private final Supplier<Optional<String>> publishedOrigin;
  private volatile Optional<String> origin;

  private ReachableContent(String contentUrl, Supplier<Optional<String>> publishedOrigin) {
    this.contentUrl = contentUrl;
    this.publishedOrigin = publishedOrigin;
  }

  /** URLs read as Pulp publishes them. */
  public static ReachableContent asPublished() {
    return new ReachableContent(null, Optional::empty);
  }

  /**
   * URLs starting with Pulp's published origin (asked for once, when first needed) are read at
   * {@code contentUrl} instead; {@code null} reads them as published.
   */
  public static ReachableContent at(URI contentUrl, Supplier<Optional<String>> publishedOrigin) {
    if (contentUrl == null) {
      return asPublished();
    }
    return new ReachableContent(withSlash(contentUrl.toString()), publishedOrigin);
  }

  /** {@code published} as this process reaches it. */
  public URI url(URI published) {
    if (contentUrl == null) {
      return published;
    }
    Optional<String> known = origin;
    if (known == null) {
      known = publishedOrigin.get().map(ReachableContent::withSlash);
      origin = known;
    }
    String url = published.toString();
    if (known.isPresent() && url.startsWith(known.get())) {
      return URI.create(contentUrl + url.substring(known.get().length()));
    }
    return published;
  }

  /**
   * {@code published} as this process's tools reach it (apt in a local chroot, a base image build,
   * the wheels' chroot): its URL read at the content URL, suite, component and key unchanged.
   */
  public AptSource source(AptSource published) {
    URI url = url(published.url());
    return url.equals(published.url())
        ? published
        : new AptSource(url, published.suite(), published.component(), published.signedBy());
  }

  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }
}
