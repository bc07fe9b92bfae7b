package org.starlingx.stxbuild.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SecretMaskingOutputStreamTest {
  private static String through(List<String> secrets, byte[]... writes) throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (SecretMaskingOutputStream out = new SecretMaskingOutputStream(sink, secrets)) {
      for (byte[] write : writes) {
        out.write(write);
        out.flush();
      }
    }
    return sink.toString(StandardCharsets.UTF_8);
  }

  @Test
  void secretsAreMaskedInEveryLineAndTheirUrlEncodedForm() throws Exception {
    String log =
        through(
            List.of("p@ss word", "", "tok"),
            "login with p@ss word\n".getBytes(StandardCharsets.UTF_8),
            "url http://u:p%40ss+word@pulp/ and tok\nlast".getBytes(StandardCharsets.UTF_8));
    assertThat(log)
        .isEqualTo("login with ****\nurl http://u:****@pulp/ and ****\nlast")
        .doesNotContain("p@ss");
  }

  @Property(tries = 200)
  void aSecretSplitAcrossWritesIsStillMasked(
      @ForAll
          @AlphaChars
          @NumericChars
          @Chars({'@', '%', '+', ' ', '/'})
          @StringLength(min = 4, max = 20)
          String secret,
      @ForAll @IntRange(min = 1, max = 7) int chunk)
      throws Exception {
    String text = "before " + secret + " after\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    byte[][] writes = new byte[(bytes.length + chunk - 1) / chunk][];
    for (int i = 0; i < writes.length; i++) {
      writes[i] = Arrays.copyOfRange(bytes, i * chunk, Math.min(bytes.length, (i + 1) * chunk));
    }
    String log = through(List.of(secret), writes);
    if (!secret.isBlank()) {
      assertThat(log).doesNotContain(secret).contains("****");
    }
  }
}
