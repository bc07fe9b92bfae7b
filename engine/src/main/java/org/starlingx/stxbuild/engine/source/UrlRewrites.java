package org.starlingx.stxbuild.engine.source;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * URL prefixes mapped to other prefixes (like an apt mirror setting): an upstream address is
 * fetched from a mirror of it instead. The first prefix, in the order given, that matches wins.
 */
public record UrlRewrites(Map<String, String> prefixes) {
  public UrlRewrites {
    prefixes = Collections.unmodifiableMap(new LinkedHashMap<>(prefixes));
  }

  /** {@code url} with its first matching prefix replaced; unchanged when none matches. */
  public URI apply(URI url) {
    String text = url.toString();
    for (Map.Entry<String, String> rewrite : prefixes.entrySet()) {
      if (text.startsWith(rewrite.getKey())) {
        return URI.create(rewrite.getValue() + text.substring(rewrite.getKey().length()));
      }
    }
    return url;
  }
}
