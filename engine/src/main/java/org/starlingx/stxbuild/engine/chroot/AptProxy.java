package org.starlingx.stxbuild.engine.chroot;

import java.net.URI;

/**
 * An HTTP proxy apt uses inside the build chroot to reach the Debian mirror, e.g. an apt caching
 * proxy (apt-cacher-ng) on the machine of a pod whose network reaches nothing else. It changes how
 * build-deps are fetched, not which: the chroot's mirror URL, and so the build environment in each
 * package's fingerprint, stay the same as without it.
 *
 * @param url {@code http://host:port} of the proxy
 */
public record AptProxy(URI url) {
  /** The environment variable a pkgbuilder pod reads it from. */
  public static final String ENVIRONMENT = "STX_APT_PROXY";

  public AptProxy {
    if (url == null
        || !"http".equals(url.getScheme())
        || url.getHost() == null
        || url.getUserInfo() != null) {
      throw new IllegalArgumentException(
          "apt proxy '"
              + url
              + "' is not usable; expected http://host:port of an apt proxy (no user or password)");
    }
  }

  /** Parses {@code text} ({@code what} names it in the error). */
  public static AptProxy parse(String text, String what) {
    try {
      return new AptProxy(URI.create(text.strip()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          what + " '" + text + "' is not usable; expected http://host:port of an apt proxy");
    }
  }

  /** The apt configuration line ({@code apt.conf.d}) that sends apt's HTTP through the proxy. */
  public String aptConf() {
    return "Acquire::http::Proxy \"" + url + "\";";
  }
}
