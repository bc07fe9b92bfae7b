package org.starlingx.stxbuild.engine.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads deb822 text (control files, .dsc files): paragraphs separated by blank lines, fields {@code
 * Name: value} with indented continuation lines, {@code #} comment lines ignored. Field names are
 * matched case-insensitively, as Debian policy says. An OpenPGP clearsigned file is read without
 * its armor and signature (the signature is not checked here: checksums pin what is trusted).
 */
public final class Deb822 {
  private Deb822() {}

  public static List<Map<String, String>> paragraphs(String text, String source) {
    List<Map<String, String>> paragraphs = new ArrayList<>();
    Map<String, String> current = new LinkedHashMap<>();
    String field = null;
    int lineNumber = 0;
    boolean inSignature = false;
    for (String line : text.split("\n", -1)) {
      lineNumber++;
      // a clearsigned file (every .dsc Debian's archive serves): the signature block is no
      // paragraph
      if (line.startsWith("-----BEGIN PGP SIGNATURE")) {
        inSignature = true;
        continue;
      }
      if (inSignature) {
        inSignature = !line.startsWith("-----END PGP SIGNATURE");
        continue;
      }
      if (line.startsWith("- ")) {
        line = line.substring(2); // RFC 4880 dash-escaping of signed text
      }
      if (line.startsWith("#")) {
        continue;
      }
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          paragraphs.add(current);
          current = new LinkedHashMap<>();
        }
        field = null;
        continue;
      }
      if (line.startsWith("-----BEGIN PGP") || line.startsWith("Hash:")) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        if (field == null) {
          throw new IllegalArgumentException(
              source + ":" + lineNumber + ": continuation line before any field");
        }
        current.merge(field, "\n" + line.strip(), String::concat);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            source + ":" + lineNumber + ": expected 'Field: value', got '" + line + "'");
      }
      field = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
      current.put(field, line.substring(colon + 1).strip());
    }
    if (!current.isEmpty()) {
      paragraphs.add(current);
    }
    return paragraphs;
  }
}
