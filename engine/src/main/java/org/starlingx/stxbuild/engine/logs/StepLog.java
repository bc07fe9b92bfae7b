package org.starlingx.stxbuild.engine.logs;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One step's log to export.
 *
 * @param name the file name it is published under, for example {@code build-packages.log}
 * @param file where the log is now
 * @param outcome how the step ended, shown in the index ({@code success}, {@code failed}, ...)
 */
public record StepLog(String name, Path file, String outcome) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

  public StepLog {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid log name '"
              + name
              + "': expected a file name of letters, digits, '.', '_' or '-'");
    }
    Objects.requireNonNull(file, "log file");
    Objects.requireNonNull(outcome, "outcome");
  }
}
