package org.starlingx.stxbuild.engine.pods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent pod's rights to create package pods, and its token in the builder container only. */
class PackagePodManagerTest {
  private static Pod agentPod() {
    return new PodBuilder()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withContainers(
            new ContainerBuilder().withName("builder").build(),
            new ContainerBuilder().withName("jnlp").build())
        .endSpec()
        .build();
  }

  @Test
  void theTokenIsMountedInTheBuilderContainerOnly() {
    Pod pod = PackagePodManager.withApiToken(agentPod(), "builder");
    Container builder = pod.getSpec().getContainers().get(0);
    Container jnlp = pod.getSpec().getContainers().get(1);
    assertThat(builder.getVolumeMounts())
        .singleElement()
        .satisfies(m -> assertThat(m.getMountPath()).isEqualTo(PackagePodManager.TOKEN_DIR));
    assertThat(jnlp.getVolumeMounts()).isEmpty();
    assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getSpec().getVolumes())
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.getProjected().getSources())
                    .anyMatch(s -> s.getServiceAccountToken() != null)
                    .anyMatch(
                        s ->
                            s.getConfigMap() != null
                                && "kube-root-ca.crt".equals(s.getConfigMap().getName())));
    // applied twice (a resumed build), still one volume and one mount
    PackagePodManager.withApiToken(pod, "builder");
    assertThat(pod.getSpec().getVolumes()).hasSize(1);
    assertThat(builder.getVolumeMounts()).hasSize(1);
  }

  @Test
  void aPodWithoutTheContainerIsRefusedNamingIt() {
    assertThatThrownBy(() -> PackagePodManager.withApiToken(agentPod(), "worker"))
        .hasMessageContaining("no container 'worker'");
  }

  @Test
  void theRoleCoversWhatClusterWorkersCallsAndNoMore() {
    var role = PackagePodManager.role("stx-p", Map.of("a", "b"));
    assertThat(role.getMetadata().getNamespace()).isEqualTo("stx-p");
    assertThat(role.getRules())
        .allSatisfy(r -> assertThat(r.getApiGroups()).containsExactly(""))
        .flatExtracting(r -> r.getResources())
        .containsExactlyInAnyOrder("namespaces", "pods", "pods/log", "secrets");
    assertThat(role.getRules())
        .filteredOn(r -> r.getResources().contains("pods"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.getVerbs()).contains("create", "watch", "delete", "deletecollection"));
    RoleBinding binding = PackagePodManager.roleBinding("stx-p", Map.of());
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getName()).isEqualTo(RoleSettings.BUILD_POD_SERVICE_ACCOUNT);
              assertThat(s.getNamespace()).isEqualTo("stx-p");
            });
    assertThat(binding.getRoleRef().getName()).isEqualTo(PackagePodManager.NAME);
  }
}
