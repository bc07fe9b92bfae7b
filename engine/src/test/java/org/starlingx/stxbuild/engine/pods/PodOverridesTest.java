package org.starlingx.stxbuild.engine.pods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

class PodOverridesTest {
  private final ScopeNames names =
      new ScopeNames(new BuildScope("alice", "stx", "master", "3"), NamingPolicy.DEFAULT);
  private final Pod generated =
      new BuildPodFactory(names, Map.of())
          .pod(BuildRole.PKGBUILDER, PodStep.of("pkg", "build"), null);

  @Test
  void containersEnvAndVolumesMergeByNameAndScalarsWin() {
    Pod merged =
        PodOverrides.merge(
            generated,
            """
            kind: Pod
            metadata:
              labels:
                team: flock
            spec:
              priorityClassName: stx-low
              containers:
              - name: pkgbuilder
                image: registry.local/stx-pkgbuilder:pinned
                env:
                - name: STX_BUILD_ROLE
                  value: overridden
                - name: HTTP_PROXY
                  value: http://proxy:3128
              - name: sidecar
                image: busybox
              volumes:
              - name: tmp
                emptyDir:
                  medium: Memory
            """);
    Container main = merged.getSpec().getContainers().get(0);
    assertThat(main.getImage()).isEqualTo("registry.local/stx-pkgbuilder:pinned");
    assertThat(main.getCommand()).containsExactly("build");
    assertThat(main.getEnv())
        .anySatisfy(
            e ->
                assertThat(e.getName() + "=" + e.getValue())
                    .isEqualTo("HTTP_PROXY=http://proxy:3128"))
        .anySatisfy(
            e ->
                assertThat(e.getName() + "=" + e.getValue()).isEqualTo("STX_BUILD_ROLE=overridden"))
        .anySatisfy(e -> assertThat(e.getName()).isEqualTo("STX_BUILD_ID"));
    assertThat(merged.getSpec().getContainers())
        .extracting(Container::getName)
        .containsExactly("pkgbuilder", "sidecar");
    assertThat(merged.getSpec().getPriorityClassName()).isEqualTo("stx-low");
    assertThat(merged.getSpec().getVolumes())
        .filteredOn(v -> v.getName().equals("tmp"))
        .singleElement()
        .satisfies(v -> assertThat(v.getEmptyDir().getMedium()).isEqualTo("Memory"));
    assertThat(merged.getMetadata().getLabels())
        .containsEntry("team", "flock")
        .containsEntry(ScopeNames.SCOPE_LABEL, names.scopeId());
  }

  @Test
  void theBuildsIdentityCannotBeOverridden() {
    Pod merged =
        PodOverrides.merge(
            generated,
            "metadata: {name: other, namespace: kube-system, labels: {build.starlingx.io/scope: x}}");
    assertThat(merged.getMetadata().getName()).isEqualTo(generated.getMetadata().getName());
    assertThat(merged.getMetadata().getNamespace()).isEqualTo("stx-builds");
    assertThat(merged.getMetadata().getLabels())
        .containsEntry(ScopeNames.SCOPE_LABEL, names.scopeId());
  }

  @Test
  void aFragmentThatIsNoPodIsRefusedClearly() {
    assertThatThrownBy(() -> PodOverrides.merge(generated, "kind: Deployment\nspec: {}"))
        .hasMessage("pod override YAML: expected kind Pod, got Deployment");
    assertThatThrownBy(() -> PodOverrides.merge(generated, "- a\n- b"))
        .hasMessageContaining("expected a Pod");
    assertThatThrownBy(() -> PodOverrides.merge(generated, "spec: [1, 2"))
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> PodOverrides.merge(generated, "spec:\n  containers: 3"))
        .hasMessageContaining("does not fit a Pod");
  }
}
