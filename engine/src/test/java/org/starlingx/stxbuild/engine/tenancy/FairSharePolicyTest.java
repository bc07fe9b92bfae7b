package org.starlingx.stxbuild.engine.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.starlingx.stxbuild.engine.tenancy.FairSharePolicy.Demand;

class FairSharePolicyTest {
  @Test
  void aTenantAloneMayUseEverything() {
    assertThat(FairSharePolicy.admits("a", 16, Map.of("a", new Demand(15, 280, 1)))).isTrue();
    assertThat(FairSharePolicy.admits("a", 16, Map.of("a", new Demand(16, 280, 1)))).isFalse();
  }

  @Test
  void aNewcomerGetsTheNextFreeSlotsUpToItsNeedWhileTheBigTenantWaits() {
    Map<String, Demand> demands = Map.of("a", new Demand(15, 20, 1), "b", new Demand(0, 5, 1));
    assertThat(FairSharePolicy.allocations(16, demands))
        .containsEntry("b", 5)
        .containsEntry("a", 11);
    assertThat(FairSharePolicy.admits("a", 16, demands)).isFalse();
    assertThat(FairSharePolicy.admits("b", 16, demands)).isTrue();
  }

  @Test
  void sharesFollowTheWeightsAndNobodyIsStarvedByRounding() {
    Map<String, Demand> demands =
        Map.of("a", new Demand(0, 100, 3), "b", new Demand(0, 100, 1), "c", new Demand(0, 100, 1));
    Map<String, Integer> allocation = FairSharePolicy.allocations(10, demands);
    assertThat(allocation).containsEntry("a", 6).containsEntry("b", 2).containsEntry("c", 2);
    assertThat(FairSharePolicy.allocations(2, demands).values()).allMatch(n -> n >= 1);
  }

  @Test
  void roomNobodyBelowItsShareWantsIsUsed() {
    // b runs its share but waits for nothing more: a may take the free slots beyond its own share.
    Map<String, Demand> demands = Map.of("a", new Demand(8, 50, 1), "b", new Demand(2, 0, 1));
    assertThat(FairSharePolicy.admits("a", 16, demands)).isTrue();
  }
}
