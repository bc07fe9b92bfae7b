package org.starlingx.stxbuild.engine.schedule;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long each task took in earlier builds (milliseconds), so the scheduler can start the longest
 * chains first; a task never seen gets the default. Kept as JSON between builds.
 */
public final class DurationEstimates {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, Long> millis = new ConcurrentHashMap<>();
  private final long defaultMillis;

  public DurationEstimates(long defaultMillis) {
    this.defaultMillis = defaultMillis;
  }

  public static DurationEstimates of(Map<String, Long> known, long defaultMillis) {
    DurationEstimates estimates = new DurationEstimates(defaultMillis);
    estimates.millis.putAll(known);
    return estimates;
  }

  public long estimate(String taskId) {
    return millis.getOrDefault(taskId, defaultMillis);
  }

  public void record(String taskId, long actualMillis) {
    millis.put(taskId, actualMillis);
  }

  public static DurationEstimates read(Path file, long defaultMillis) {
    DurationEstimates estimates = new DurationEstimates(defaultMillis);
    if (Files.isRegularFile(file)) {
      try {
        estimates.millis.putAll(
            JSON.readValue(file.toFile(), new TypeReference<Map<String, Long>>() {}));
      } catch (IOException e) {
        throw new IllegalStateException(
            file
                + " is not a duration estimates file (JSON of task to milliseconds): "
                + e.getMessage(),
            e);
      }
    }
    return estimates;
  }

  public void write(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Path partial = Files.createTempFile(file.getParent(), ".durations-", ".part");
      JSON.writeValue(partial.toFile(), new TreeMap<>(millis));
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
