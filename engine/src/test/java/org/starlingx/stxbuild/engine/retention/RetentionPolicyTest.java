package org.starlingx.stxbuild.engine.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @Test
  void defaultKeepsFourteenDays() {
    StoredItem thirteenDays = session(Duration.ofDays(13));
    StoredItem fifteenDays = session(Duration.ofDays(15));
    assertThat(RetentionPolicy.DEFAULT.keepReason(thirteenDays, NOW))
        .hasValue("younger than 14 days");
    assertThat(RetentionPolicy.DEFAULT.keepReason(fifteenDays, NOW)).isEmpty();
  }

  @Test
  void saysWhyItKeepsSomething() {
    StoredItem released =
        new StoredItem(
            "r",
            "repository",
            NOW.minus(Duration.ofDays(400)),
            Map.of("stx.role", "session", "stx.released", "stx-10"));
    StoredItem mirror =
        new StoredItem(
            "m", "repository", NOW.minus(Duration.ofDays(400)), Map.of("stx.role", "mirror"));
    assertThat(RetentionPolicy.DEFAULT.keepReason(released, NOW)).hasValue("released as stx-10");
    assertThat(RetentionPolicy.DEFAULT.keepReason(mirror, NOW)).hasValue("a mirror");
  }

  @Test
  void refusesANonPositivePeriodNamingIt() {
    assertThatThrownBy(() -> RetentionPolicy.days(0))
        .hasMessageContaining("retention days '0'")
        .hasMessageContaining("1 or more");
  }

  private static StoredItem session(Duration age) {
    return new StoredItem("s", "repository", NOW.minus(age), Map.of("stx.role", "session"));
  }
}
