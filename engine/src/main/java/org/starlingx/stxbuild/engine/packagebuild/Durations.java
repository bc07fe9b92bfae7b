package org.starlingx.stxbuild.engine.packagebuild;

/** Durations as a person reads them: 4.2 s, 3 min 05 s, 1 h 02 min. */
final class Durations {
  private Durations() {}

  static String format(long millis) {
    if (millis < 60_000) {
      return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = millis / 1000;
    if (seconds < 3600) {
      return String.format(java.util.Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
    return String.format(
        java.util.Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
  }
}
