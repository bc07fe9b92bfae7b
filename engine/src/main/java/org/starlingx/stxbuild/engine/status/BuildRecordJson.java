package org.starlingx.stxbuild.engine.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The JSON form of a record, the same for every store so a person can read either. Instants are
 * written as ISO-8601 text.
 */
final class BuildRecordJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The stored shape; kept apart from the domain record so the file format is explicit. */
  private record Stored(
      String line,
      String buildId,
      BuildResult result,
      String sourceFingerprint,
      String startedAt,
      String finishedAt,
      Map<String, String> details) {}

  private BuildRecordJson() {}

  static byte[] write(BuildRecord record) {
    Stored stored =
        new Stored(
            record.line(),
            record.buildId(),
            record.result(),
            record.sourceFingerprint(),
            record.startedAt().toString(),
            record.finishedAt().toString(),
            record.details());
    try {
      return JSON.writeValueAsBytes(stored);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write build record " + record.buildId(), e);
    }
  }

  static BuildRecord read(byte[] json, String where) {
    try {
      Stored s = JSON.readValue(json, Stored.class);
      return new BuildRecord(
          s.line(),
          s.buildId(),
          s.result(),
          s.sourceFingerprint(),
          Instant.parse(s.startedAt()),
          Instant.parse(s.finishedAt()),
          s.details());
    } catch (IOException
        | DateTimeParseException
        | IllegalArgumentException
        | NullPointerException e) {
      throw new IllegalStateException(
          "build record " + where + " is not a readable build record: " + e.getMessage(), e);
    }
  }
}
