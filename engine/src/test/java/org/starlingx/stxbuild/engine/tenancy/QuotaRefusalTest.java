package org.starlingx.stxbuild.engine.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotaRefusalTest {
  // The ResourceQuota admission's message, as kube-apiserver 1.35 sends it.
  private static final String FULL =
      "pods \"alice-pkg-1\" is forbidden: exceeded quota: stx-build-quota, requested:"
          + " limits.cpu=8,requests.cpu=2, used: limits.cpu=8,requests.cpu=2, limited:"
          + " limits.cpu=10,requests.cpu=4";

  @Test
  void aFullQuotaIsRoomHeldByOtherPods() {
    QuotaRefusal refusal = QuotaRefusal.parse(FULL).orElseThrow();
    assertThat(refusal.quota()).isEqualTo("stx-build-quota");
    assertThat(refusal.requested()).containsEntry("requests.cpu", "2");
    assertThat(refusal.limited()).containsEntry("limits.cpu", "10");
    assertThat(refusal.neverFitting()).isEmpty();
    assertThat(refusal.usageText())
        .contains("requests.cpu 2 requested, 2 of 4 used")
        .contains("limits.cpu 8 requested, 8 of 10 used");
  }

  @Test
  void aPodAskingMoreThanTheHardLimitNeverFits() {
    QuotaRefusal refusal =
        QuotaRefusal.parse(
                "pods \"x\" is forbidden: exceeded quota: q, requested: requests.memory=16Gi,"
                    + " used: requests.memory=0, limited: requests.memory=8Gi")
            .orElseThrow();
    assertThat(refusal.neverFitting()).containsExactly("requests.memory");
    assertThat(refusal.neverFittingText())
        .isEqualTo("requests.memory requested 16Gi, quota hard limit 8Gi");
    assertThat(
            QuotaRefusal.parse(
                    "exceeded quota: q, requested: requests.cpu=500m, used: requests.cpu=0,"
                        + " limited: requests.cpu=1")
                .orElseThrow()
                .neverFitting())
        .isEmpty();
  }

  @Test
  void otherRefusalsAreNotQuotaRefusals() {
    assertThat(QuotaRefusal.parse("pods \"x\" is forbidden: User cannot create pods")).isEmpty();
    assertThat(QuotaRefusal.parse(null)).isEmpty();
  }
}
