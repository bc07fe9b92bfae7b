package org.starlingx.stxbuild.engine.pods;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.CapabilitiesBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.scope.ScopeNames;

/**
 * Builds the pods of one build: one per role and step, named and labelled from the build's scope,
 * with resources, placement, a deadline and a security context, and no shared file system (each
 * pod's workspace is its own emptyDir; inputs and outputs travel through the repository service).
 *
 * <p>Entry points: {@link #pod} for any role, {@link #imageBuild} for the kaniko role, {@link #job}
 * to wrap a pod as a Job that removes itself after it finished.
 */
public final class BuildPodFactory {
  public static final String SYSBOX_RUNTIME_CLASS = "sysbox-runc";
  public static final String WORKSPACE = "/workspace";

  private final ScopeNames names;
  private final Map<BuildRole, RoleSettings> settings;

  /** Roles missing from {@code settings} get {@link RoleSettings#defaults}. */
  public BuildPodFactory(ScopeNames names, Map<BuildRole, RoleSettings> settings) {
    this.names = names;
    Map<BuildRole, RoleSettings> all = new EnumMap<>(BuildRole.class);
    for (BuildRole role : BuildRole.values()) {
      all.put(role, settings.getOrDefault(role, RoleSettings.defaults(role)));
    }
    this.settings = all;
  }

  public ScopeNames names() {
    return names;
  }

  /**
   * The pod of one role and step. {@code aptSource} (may be null) is the session's apt line the pod
   * takes build-deps from, passed as {@code STX_APT_SOURCE}.
   */
  public Pod pod(BuildRole role, PodStep step, String aptSource) {
    RoleSettings role0 = settings.get(role);
    List<Container> initContainers = new ArrayList<>();
    List<Volume> volumes =
        new ArrayList<>(
            List.of(emptyDir("workspace", role0.ephemeralStorage()), emptyDir("tmp", "1Gi")));
    List<VolumeMount> mounts =
        new ArrayList<>(List.of(mount("workspace", WORKSPACE), mount("tmp", "/tmp")));
    List<String> args = List.of();
    String runtimeClass = null;
    Map<String, String> annotations = new LinkedHashMap<>(names.annotations());
    Capabilities capabilities = rootBuildCapabilities();

    switch (role) {
      case DOCKER_SYSBOX -> {
        // dockerd runs as a native sidecar (an init container that keeps running) in the sysbox
        // system container: no privileged flag, its own /var/lib/docker, gone with the pod.
        runtimeClass = SYSBOX_RUNTIME_CLASS;
        annotations.put("io.kubernetes.cri-o.userns-mode", "auto:size=65536");
        volumes.add(emptyDir("docker-data", role0.ephemeralStorage()));
        volumes.add(emptyDir("docker-run", "16Mi"));
        mounts.add(mount("docker-run", "/var/run"));
        initContainers.add(
            new ContainerBuilder()
                .withName("dockerd")
                .withImage(role0.image())
                .withArgs("dockerd", "--host=unix:///var/run/docker.sock")
                .withRestartPolicy("Always")
                .withVolumeMounts(
                    mount("docker-data", "/var/lib/docker"), mount("docker-run", "/var/run"))
                .withResources(resources(role0))
                .build());
      }
      case LAT -> {
        // LAT makes file systems and loop-mounts them: a sysbox system container allows that
        // without privileged mode.
        runtimeClass = SYSBOX_RUNTIME_CLASS;
        annotations.put("io.kubernetes.cri-o.userns-mode", "auto:size=65536");
      }
      default -> {}
    }

    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVar("STX_BUILD_USER", names.scope().user(), null));
    env.add(new EnvVar("STX_BUILD_PROJECT", names.scope().project(), null));
    env.add(new EnvVar("STX_BUILD_BRANCH", names.scope().branch(), null));
    env.add(new EnvVar("STX_BUILD_ID", names.scope().buildId(), null));
    env.add(new EnvVar("STX_BUILD_ROLE", role.id(), null));
    env.add(new EnvVar("STX_BUILD_STEP", step.step(), null));
    env.add(new EnvVar("STX_WORKSPACE", WORKSPACE, null));
    if (aptSource != null) {
      env.add(new EnvVar("STX_APT_SOURCE", aptSource, null));
    }
    step.env().forEach((k, v) -> env.add(new EnvVar(k, v, null)));

    Container main =
        new ContainerBuilder()
            .withName(role.id())
            .withImage(role0.image())
            .withCommand(step.command().isEmpty() ? null : step.command())
            .withArgs(args.isEmpty() ? null : args)
            .withWorkingDir(WORKSPACE)
            .withEnv(env)
            .withResources(resources(role0))
            .withVolumeMounts(mounts)
            .withNewSecurityContext()
            .withAllowPrivilegeEscalation(false)
            .withCapabilities(capabilities)
            .endSecurityContext()
            .build();

    Map<String, String> labels = new LinkedHashMap<>(names.labels());
    labels.put(ScopeNames.ROLE_LABEL, role.id());
    return new PodBuilder()
        .withNewMetadata()
        .withName(names.objectName(role.id(), step.step()))
        .withNamespace(names.namespace())
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .withSpec(
            new PodSpecBuilder()
                .withRestartPolicy("Never")
                .withActiveDeadlineSeconds(role0.activeDeadlineSeconds())
                .withServiceAccountName(role0.serviceAccount())
                // Build pods never talk to the Kubernetes API.
                .withAutomountServiceAccountToken(false)
                .withRuntimeClassName(runtimeClass)
                .withNodeSelector(role0.nodeSelector().isEmpty() ? null : role0.nodeSelector())
                .withTolerations(tolerations(role0.tolerations()))
                .withTopologySpreadConstraints(
                    role == BuildRole.PKGBUILDER ? spreadOverNodes(labels) : null)
                .withNewSecurityContext()
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .withInitContainers(initContainers)
                .withContainers(main)
                .withVolumes(volumes)
                .build())
        .build();
  }

  /**
   * A build's package pods prefer different nodes (a preference, never a reason to wait): a build
   * spread over the cluster finishes sooner than one piled on a node, and a lost node costs less.
   */
  private static List<TopologySpreadConstraint> spreadOverNodes(Map<String, String> labels) {
    return List.of(
        new TopologySpreadConstraintBuilder()
            .withMaxSkew(1)
            .withTopologyKey("kubernetes.io/hostname")
            .withWhenUnsatisfiable("ScheduleAnyway")
            .withNewLabelSelector()
            .withMatchLabels(labels)
            .endLabelSelector()
            .build());
  }

  /**
   * The pod a Jenkins agent runs the build's steps in (through the kubernetes-plugin, which adds
   * its own agent container): the builder role's container named {@code builder}, kept alive until
   * the agent is done, with the user's YAML fragment merged in.
   */
  public Pod agentPod(String overrideYaml) {
    Pod pod =
        pod(BuildRole.BUILDER, new PodStep("agent", List.of("sleep", "infinity"), Map.of()), null);
    pod.getSpec().getContainers().get(0).setName("builder");
    // The agent outlives single commands: Kubernetes must not stop it before Jenkins does.
    pod.getSpec().setActiveDeadlineSeconds(null);
    return PodOverrides.merge(pod, overrideYaml);
  }

  /**
   * A daemonless image build with the maintained kaniko fork: context from the repository service
   * or git, push credentials from a Kubernetes Secret, layer cache in the registry.
   */
  public Pod imageBuild(String step, ImageBuild build) {
    List<String> args = new ArrayList<>();
    args.add("--context=" + build.context());
    args.add("--dockerfile=" + build.dockerfile());
    args.add("--destination=" + build.destination());
    if (build.cacheRepo() != null) {
      args.add("--cache=true");
      args.add("--cache-repo=" + build.cacheRepo());
    }
    build.buildArgs().forEach((k, v) -> args.add("--build-arg=" + k + "=" + v));
    build.insecureRegistries().forEach(r -> args.add("--insecure-registry=" + r));
    Pod pod = pod(BuildRole.IMAGE_BUILDER, new PodStep(step, List.of(), Map.of()), null);
    Container kaniko = pod.getSpec().getContainers().get(0);
    kaniko.setArgs(args);
    kaniko.setWorkingDir(null);
    if (build.registrySecret() != null) {
      // The executor reads registry credentials from /kaniko/.docker/config.json.
      pod.getSpec()
          .getVolumes()
          .add(
              new VolumeBuilder()
                  .withName("registry-credentials")
                  .withNewSecret()
                  .withSecretName(build.registrySecret())
                  .addNewItem()
                  .withKey(".dockerconfigjson")
                  .withPath("config.json")
                  .endItem()
                  .endSecret()
                  .build());
      kaniko.getVolumeMounts().add(mount("registry-credentials", "/kaniko/.docker"));
    }
    return pod;
  }

  /**
   * The pod as a Job: no retries by Kubernetes (the scheduler decides), removed {@code
   * ttlSecondsAfterFinished} after it ended.
   */
  public Job job(Pod pod, int ttlSecondsAfterFinished) {
    return new JobBuilder()
        .withNewMetadata()
        .withName(pod.getMetadata().getName())
        .withNamespace(pod.getMetadata().getNamespace())
        .withLabels(pod.getMetadata().getLabels())
        .withAnnotations(pod.getMetadata().getAnnotations())
        .endMetadata()
        .withNewSpec()
        .withBackoffLimit(0)
        .withTtlSecondsAfterFinished(ttlSecondsAfterFinished)
        .withActiveDeadlineSeconds(pod.getSpec().getActiveDeadlineSeconds())
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(pod.getMetadata().getLabels())
        .withAnnotations(pod.getMetadata().getAnnotations())
        .endMetadata()
        .withSpec(pod.getSpec())
        .endTemplate()
        .endSpec()
        .build();
  }

  /** The YAML form, as the kubernetes-plugin's pod templates take it. */
  public static String yaml(Object object) {
    return Serialization.asYaml(object);
  }

  private static io.fabric8.kubernetes.api.model.ResourceRequirements resources(RoleSettings s) {
    ResourceRequirementsBuilder builder = new ResourceRequirementsBuilder();
    builder.addToRequests("cpu", new Quantity(s.cpuRequest()));
    builder.addToRequests("memory", new Quantity(s.memoryRequest()));
    builder.addToLimits("cpu", new Quantity(s.cpuLimit()));
    builder.addToLimits("memory", new Quantity(s.memoryLimit()));
    if (s.ephemeralStorage() != null) {
      builder.addToLimits("ephemeral-storage", new Quantity(s.ephemeralStorage()));
    }
    return builder.build();
  }

  /**
   * Debian builds run as root inside the container (apt-get build-dep, dpkg ownership); they keep
   * only the capabilities file ownership and user switching need.
   */
  private static Capabilities rootBuildCapabilities() {
    return new CapabilitiesBuilder()
        .withDrop("ALL")
        .withAdd("CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "SETUID", "SETGID", "KILL", "SETFCAP")
        .build();
  }

  private static List<Toleration> tolerations(List<String> specs) {
    List<Toleration> tolerations = new ArrayList<>();
    for (String spec : specs) {
      int colon = spec.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "toleration '" + spec + "' is not usable; expected key=value:Effect or key:Effect");
      }
      String keyValue = spec.substring(0, colon);
      String effect = spec.substring(colon + 1);
      int equals = keyValue.indexOf('=');
      TolerationBuilder builder = new TolerationBuilder().withEffect(effect);
      if (equals < 0) {
        builder.withKey(keyValue).withOperator("Exists");
      } else {
        builder
            .withKey(keyValue.substring(0, equals))
            .withOperator("Equal")
            .withValue(keyValue.substring(equals + 1));
      }
      tolerations.add(builder.build());
    }
    return tolerations;
  }

  private static Volume emptyDir(String name, String sizeLimit) {
    return new VolumeBuilder()
        .withName(name)
        .withNewEmptyDir()
        .withSizeLimit(sizeLimit == null ? null : new Quantity(sizeLimit))
        .endEmptyDir()
        .build();
  }

  private static VolumeMount mount(String name, String path) {
    return new VolumeMountBuilder().withName(name).withMountPath(path).build();
  }
}
