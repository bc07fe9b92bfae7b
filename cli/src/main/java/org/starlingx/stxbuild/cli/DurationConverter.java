package org.starlingx.stxbuild.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Durations as people write them: {@code 90s}, {@code 30m}, {@code 4h}, {@code 2d}, or ISO. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    try {
      if (text.startsWith("p")) {
        return positive(Duration.parse(value.strip().toUpperCase(Locale.ROOT)), value);
      }
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      return positive(
          switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new NumberFormatException();
          },
          value);
    } catch (RuntimeException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a duration; expected e.g. 90s, 30m, 4h or 2d");
    }
  }

  private static Duration positive(Duration duration, String value) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(value);
    }
    return duration;
  }
}
