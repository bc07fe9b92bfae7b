package org.starlingx.stxbuild.engine.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Passes a process's output on line by line with every secret replaced by {@code ****}, so a secret
 * a tool prints (a password echoed in an error, a URL with credentials) never reaches a build log.
 * Whole lines are held back until their end, so a secret split across writes is still found; what
 * is left at close is masked and written too.
 */
public final class SecretMaskingOutputStream extends OutputStream {
  private static final byte[] MASK = "****".getBytes(StandardCharsets.UTF_8);

  private final OutputStream out;
  private final List<byte[]> secrets;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  /** Blank secrets are ignored; each is also masked in its URL-encoded form. */
  public SecretMaskingOutputStream(OutputStream out, Collection<String> secrets) {
    this.out = out;
    Set<String> forms = new LinkedHashSet<>();
    for (String secret : secrets) {
      if (secret != null && !secret.isBlank()) {
        forms.add(secret);
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
      }
    }
    // Longest first, so a secret that contains another is masked whole.
    this.secrets =
        forms.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(s -> s.getBytes(StandardCharsets.UTF_8))
            .toList();
  }

  @Override
  public void write(int b) throws IOException {
    line.write(b);
    if (b == '\n') {
      flushLine();
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  /** Flushes complete lines only: a partial line may still end in part of a secret. */
  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    flushLine();
    out.close();
  }

  private void flushLine() throws IOException {
    byte[] bytes = line.toByteArray();
    line.reset();
    out.write(mask(bytes));
  }

  private byte[] mask(byte[] bytes) {
    ByteArrayOutputStream masked = new ByteArrayOutputStream(bytes.length);
    int i = 0;
    outer:
    while (i < bytes.length) {
      for (byte[] secret : secrets) {
        if (startsWith(bytes, i, secret)) {
          masked.write(MASK, 0, MASK.length);
          i += secret.length;
          continue outer;
        }
      }
      masked.write(bytes[i]);
      i++;
    }
    return masked.toByteArray();
  }

  private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
    if (at + prefix.length > bytes.length) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (bytes[at + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }
}
