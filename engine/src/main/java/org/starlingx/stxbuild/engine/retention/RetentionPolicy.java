package org.starlingx.stxbuild.engine.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Which stored items may go: those of ordinary builds (sessions and their logs) older than the
 * retention period. Releases, mirrors, branches' last good content and anything marked to keep are
 * never selected, whatever their age.
 */
public record RetentionPolicy(Duration maxAge) {
  /** Roles of what ordinary builds create; everything else is kept. */
  private static final Set<String> EXPIRING_ROLES = Set.of("session", "log");

  public static final RetentionPolicy DEFAULT = new RetentionPolicy(Duration.ofDays(14));

  public RetentionPolicy {
    if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException(
          "retention period '" + maxAge + "' must be a positive duration, for example 14 days");
    }
  }

  /** Retention after {@code days} days; refuses zero or fewer with a message naming the input. */
  public static RetentionPolicy days(int days) {
    if (days < 1) {
      throw new IllegalArgumentException(
          "retention days '" + days + "': expected a whole number of days, 1 or more");
    }
    return new RetentionPolicy(Duration.ofDays(days));
  }

  /** Why the item is kept, or empty when it may be removed now. */
  public Optional<String> keepReason(StoredItem item, Instant now) {
    if (item.labels().containsKey("stx.released")) {
      return Optional.of("released as " + item.labels().get("stx.released"));
    }
    if ("forever".equals(item.labels().get("stx.keep"))) {
      return Optional.of("marked to keep forever");
    }
    if (!EXPIRING_ROLES.contains(item.role())) {
      return Optional.of(item.role().isEmpty() ? "not created by a build" : "a " + item.role());
    }
    if (item.created().isAfter(now.minus(maxAge))) {
      return Optional.of("younger than " + maxAge.toDays() + " days");
    }
    return Optional.empty();
  }
}
