package org.starlingx.stxbuild.engine.repo.local;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the top-level fields of one control paragraph, enough to index a binary package. */
final class ControlFields {
  private ControlFields() {}

  static Map<String, String> parse(String paragraph, String source) {
    Map<String, String> fields = new LinkedHashMap<>();
    String current = null;
    for (String line : paragraph.split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        if (current == null) {
          throw new IllegalArgumentException(source + ": continuation line before any field");
        }
        fields.merge(current, "\n" + line, String::concat);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            source + ": expected 'Field: value', got '" + line + "'");
      }
      current = line.substring(0, colon);
      fields.put(current, line.substring(colon + 1).strip());
    }
    return fields;
  }

  static String required(Map<String, String> fields, String name, String source) {
    String value = fields.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(source + ": control field '" + name + "' is missing");
    }
    return value;
  }
}
