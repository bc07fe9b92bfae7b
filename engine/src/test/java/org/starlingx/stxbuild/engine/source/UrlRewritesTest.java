package org.starlingx.stxbuild.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlRewritesTest {
  @Test
  void theFirstMatchingPrefixInTheOrderGivenIsReplaced() {
    Map<String, String> prefixes = new LinkedHashMap<>();
    prefixes.put("https://up.example/pkg/", "file:///mirror/pkg/");
    prefixes.put("https://up.example/", "file:///mirror/other/");
    UrlRewrites rewrites = new UrlRewrites(prefixes);
    assertThat(rewrites.apply(URI.create("https://up.example/pkg/a.tar.gz")))
        .isEqualTo(URI.create("file:///mirror/pkg/a.tar.gz"));
    assertThat(rewrites.apply(URI.create("https://up.example/b.tar.gz")))
        .isEqualTo(URI.create("file:///mirror/other/b.tar.gz"));
    assertThat(rewrites.apply(URI.create("https://elsewhere/c")))
        .hasToString("https://elsewhere/c");
  }
}
