package org.starlingx.stxbuild.engine.pods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.starlingx.stxbuild.engine.scope.BuildScope;
import org.starlingx.stxbuild.engine.scope.NamingPolicy;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

class BuildPodFactoryTest {
  private final ScopeNames names =
      new ScopeNames(new BuildScope("alice", "stx", "r/stx.10.0", "12"), NamingPolicy.DEFAULT);
  private final BuildPodFactory factory = new BuildPodFactory(names, Map.of());

  @Test
  void everyRoleHasResourcesADeadlineScopeLabelsAndNoSharedFileSystem() {
    for (BuildRole role : BuildRole.values()) {
      Pod pod = factory.pod(role, PodStep.of("step", "true"), "deb http://pulp/ default all");
      Container main = pod.getSpec().getContainers().get(0);
      assertThat(pod.getMetadata().getLabels())
          .containsEntry(ScopeNames.SCOPE_LABEL, names.scopeId())
          .containsEntry(ScopeNames.ROLE_LABEL, role.id());
      assertThat(pod.getMetadata().getNamespace()).isEqualTo("stx-builds");
      assertThat(pod.getSpec().getActiveDeadlineSeconds()).isPositive();
      assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
      assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
      assertThat(main.getResources().getRequests()).containsKeys("cpu", "memory");
      assertThat(main.getResources().getLimits())
          .containsKeys("cpu", "memory", "ephemeral-storage");
      assertThat(main.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
      assertThat(pod.getSpec().getVolumes())
          .allSatisfy(v -> assertThat(v.getPersistentVolumeClaim()).isNull())
          .allSatisfy(v -> assertThat(v.getHostPath()).isNull());
      assertThat(main.getEnv())
          .anySatisfy(e -> assertThat(e.getName()).isEqualTo("STX_APT_SOURCE"));
    }
  }

  @Test
  void theSysboxRoleRunsDockerdAsASidecarWithoutPrivilege() {
    Pod pod =
        factory.pod(BuildRole.DOCKER_SYSBOX, PodStep.of("images", "docker", "build", "."), null);
    assertThat(pod.getSpec().getRuntimeClassName()).isEqualTo("sysbox-runc");
    Container dockerd = pod.getSpec().getInitContainers().get(0);
    assertThat(dockerd.getRestartPolicy()).isEqualTo("Always");
    assertThat(dockerd.getSecurityContext()).isNull();
    assertThat(pod.getSpec().getContainers().get(0).getCommand())
        .containsExactly("docker", "build", ".");
  }

  @Test
  void theImageBuilderUsesTheKanikoForkWithRegistryCacheAndCredentials() {
    Pod pod =
        factory.imageBuild(
            "stx-builder",
            new ImageBuild(
                "https://pulp.example/stx/contexts/builder.tar.gz",
                "Dockerfile",
                "registry.example/stx/stx-builder:12",
                "registry.example/stx/cache",
                "registry-push",
                Map.of("STX_TAG", "12")));
    Container kaniko = pod.getSpec().getContainers().get(0);
    assertThat(kaniko.getImage()).startsWith("ghcr.io/osscontainertools/kaniko");
    assertThat(kaniko.getArgs())
        .contains(
            "--context=https://pulp.example/stx/contexts/builder.tar.gz",
            "--destination=registry.example/stx/stx-builder:12",
            "--cache=true",
            "--cache-repo=registry.example/stx/cache",
            "--build-arg=STX_TAG=12");
    assertThat(kaniko.getVolumeMounts())
        .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/kaniko/.docker"));
    assertThatThrownBy(
            () -> new ImageBuild("/etc/passwd", "Dockerfile", "r/x:1", null, null, Map.of()))
        .hasMessageContaining("'/etc/passwd'")
        .hasMessageContaining("https:// or git://");
  }

  @Test
  void plainHttpRegistriesAreNamedToKanikoAndPlainHttpContextsRefused() {
    Pod pod =
        factory.imageBuild(
            "stx-builder",
            new ImageBuild(
                "https://10.213.0.1:24443/pulp/content/ctx/context.tar.gz",
                "Dockerfile",
                "10.213.0.1:25000/stx/builder:1",
                null,
                null,
                Map.of(),
                List.of("10.213.0.1:25000")));
    assertThat(pod.getSpec().getContainers().get(0).getArgs())
        .contains("--insecure-registry=10.213.0.1:25000");
    assertThatThrownBy(
            () ->
                new ImageBuild(
                    "http://pulp/ctx.tar.gz", "Dockerfile", "r/x:1", null, null, Map.of()))
        .hasMessageContaining("'http://pulp/ctx.tar.gz'")
        .hasMessageContaining("kaniko takes no http://");
  }

  @Test
  void aPodBecomesAJobThatRemovesItself() {
    Pod pod = factory.pod(BuildRole.PKGBUILDER, PodStep.of("pkg-a", "build-pkg", "a"), null);
    Job job = factory.job(pod, 600);
    assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(600);
    assertThat(job.getSpec().getBackoffLimit()).isZero();
    assertThat(job.getMetadata().getName()).isEqualTo(pod.getMetadata().getName());
    assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry(ScopeNames.SCOPE_LABEL, names.scopeId());
  }

  @Test
  void aBuildsPackagePodsPreferDifferentNodesWithoutEverWaitingForIt() {
    Pod pod = factory.pod(BuildRole.PKGBUILDER, PodStep.of("pkg-a", "build-pkg", "a"), null);
    var spread = pod.getSpec().getTopologySpreadConstraints();
    assertThat(spread)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
              assertThat(c.getWhenUnsatisfiable()).isEqualTo("ScheduleAnyway");
              assertThat(c.getLabelSelector().getMatchLabels())
                  .containsEntry(ScopeNames.SCOPE_LABEL, names.scopeId())
                  .containsEntry(ScopeNames.ROLE_LABEL, "pkgbuilder");
            });
    assertThat(
            factory
                .pod(BuildRole.BUILDER, PodStep.of("download", "downloader"), null)
                .getSpec()
                .getTopologySpreadConstraints())
        .isNullOrEmpty();
  }

  @Test
  void theYamlFormReadsBackAsTheSamePod() {
    Pod pod = factory.pod(BuildRole.BUILDER, PodStep.of("download", "downloader", "-s"), null);
    String yaml = BuildPodFactory.yaml(pod);
    assertThat(yaml).contains("kind: \"Pod\"").contains("build.starlingx.io/scope");
    assertThat(BuildPodFactory.yaml(Serialization.unmarshal(yaml, Pod.class))).isEqualTo(yaml);
  }

  @Test
  void tolerationsAreParsedWithClearErrors() {
    RoleSettings tolerant =
        new RoleSettings(
            "img",
            "1",
            "2",
            "1Gi",
            "2Gi",
            "10Gi",
            Map.of("pool", "build"),
            List.of("dedicated=stx:NoSchedule", "spot:NoExecute"),
            "sa",
            60);
    Pod pod =
        new BuildPodFactory(names, Map.of(BuildRole.BUILDER, tolerant))
            .pod(BuildRole.BUILDER, PodStep.of("x", "true"), null);
    assertThat(pod.getSpec().getTolerations()).hasSize(2);
    assertThat(pod.getSpec().getNodeSelector()).containsEntry("pool", "build");
    RoleSettings broken =
        new RoleSettings(
            "img", "1", "2", "1Gi", "2Gi", "10Gi", Map.of(), List.of("nocolon"), "sa", 60);
    assertThatThrownBy(
            () ->
                new BuildPodFactory(names, Map.of(BuildRole.BUILDER, broken))
                    .pod(BuildRole.BUILDER, PodStep.of("x", "true"), null))
        .hasMessageContaining("'nocolon'");
  }
}
