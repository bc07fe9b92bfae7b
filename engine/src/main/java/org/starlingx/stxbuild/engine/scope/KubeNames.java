package org.starlingx.stxbuild.engine.scope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns arbitrary text into names Kubernetes accepts, readable where the text allows and made
 * distinct by a hash of the exact input, so sanitising or truncating never merges two inputs.
 */
public final class KubeNames {
  /** A DNS-1123 label: what namespaces, pod host names and Services must be. */
  public static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  /** A label value (may be empty). */
  public static final Pattern LABEL_VALUE =
      Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

  public static final int MAX_LABEL = 63;
  static final int HASH_LENGTH = 10;

  private KubeNames() {}

  /**
   * A DNS-1123 label of at most {@code maxLength} characters: the readable parts (sanitised,
   * shortened to fit) joined by dashes, then a hash of {@code identity}.
   */
  public static String label(List<String> readableParts, List<String> identity, int maxLength) {
    String hash = hash(identity);
    int room = maxLength - hash.length() - 1;
    if (room < 1) {
      throw new IllegalArgumentException(
          "a name needs at least " + (HASH_LENGTH + 2) + " characters");
    }
    List<String> parts =
        readableParts.stream().map(KubeNames::sanitize).filter(p -> !p.isEmpty()).toList();
    int cap = fairShare(parts, room);
    StringBuilder readable = new StringBuilder();
    for (String part : parts) {
      String clean = part.length() > cap ? trimDashes(part.substring(0, cap)) : part;
      if (clean.isEmpty()) {
        continue;
      }
      if (readable.length() > 0) {
        readable.append('-');
      }
      readable.append(clean);
    }
    String head =
        trimDashes(readable.length() > room ? readable.substring(0, room) : readable.toString());
    return head.isEmpty() ? "x-" + hash : head + "-" + hash;
  }

  /**
   * The largest per-part length such that the parts, each cut to it, fit {@code room} with their
   * separators: short parts stay whole, long parts share what is left.
   */
  private static int fairShare(List<String> parts, int room) {
    int separators = Math.max(0, parts.size() - 1);
    int longest = parts.stream().mapToInt(String::length).max().orElse(0);
    for (int cap = longest; cap > 1; cap--) {
      int total = separators;
      for (String part : parts) {
        total += Math.min(part.length(), cap);
      }
      if (total <= room) {
        return cap;
      }
    }
    return 1;
  }

  /** A label value for people to filter by: sanitised and shortened, not necessarily unique. */
  public static String readableLabelValue(String text) {
    String clean = sanitize(text);
    if (clean.length() > MAX_LABEL) {
      clean = trimDashes(clean.substring(0, MAX_LABEL));
    }
    return clean;
  }

  /** Lower-case ASCII letters, digits and single dashes; accents folded, everything else a dash. */
  static String sanitize(String text) {
    String folded =
        Normalizer.normalize(text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (ok) {
        out.append(c);
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
        out.append('-');
      }
    }
    return trimDashes(out.toString());
  }

  /** sha256 over the parts, each length-prefixed so that ("ab","c") and ("a","bc") differ. */
  public static String hash(List<String> identity) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (String part : identity) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha256.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        sha256.update(bytes);
      }
      return HexFormat.of().formatHex(sha256.digest()).substring(0, HASH_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static String trimDashes(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '-') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '-') {
      end--;
    }
    return text.substring(start, end);
  }
}
