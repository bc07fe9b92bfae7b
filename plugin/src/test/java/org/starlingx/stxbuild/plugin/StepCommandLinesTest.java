package org.starlingx.stxbuild.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jenkins input becomes exactly this stx-build command: argv without secrets, env with them. */
class StepCommandLinesTest {
  private static final Map<String, String> ENV =
      Map.of(
          StxEnvironment.USER, "alice",
          StxEnvironment.PROJECT, "starlingx",
          StxEnvironment.BRANCH, "r/stx.10.0",
          StxEnvironment.BUILD_ID, "daily-42",
          StxEnvironment.LINE, "alice-starlingx-r-stx-10-0-0123456789");

  @Test
  void buildPackagesPassesItsParametersAndTheScope() {
    StxBuildPackagesStep step = new StxBuildPackagesStep();
    step.setWorkers(8);
    step.setBuildTypes("std,rt");
    step.setRetries(2);
    step.setForce(true);
    StxCommandLine command = step.commandLine(ENV, "", null, null);
    assertThat(command.argv())
        .containsExactly(
            "stx-build",
            "build",
            "--tree",
            ".",
            "--build-types",
            "std,rt",
            "--workers",
            "8",
            "--retries",
            "2",
            "--force",
            "--user",
            "alice",
            "--project",
            "starlingx",
            "--branch",
            "r/stx.10.0",
            "--build-id",
            "daily-42");
    assertThat(command.env()).isEmpty();
  }

  /** The environment of a build in its scope's pod: stxBuild's and the package pods' settings. */
  private static Map<String, String> inPod(int cloudCap, String yaml) {
    Map<String, String> env = new java.util.HashMap<>(ENV);
    env.put(StxEnvironment.NAMESPACE, "stx-starlingx");
    env.putAll(
        PackagePodEnvironment.of(cloudCap, "registry:5000/stx-build-pkgbuilder@sha256:ab", yaml));
    return env;
  }

  @Test
  void underStxBuildPackagesBuildInPodsOfTheBuildsNamespaceBoundedByTheCloudsCap() {
    StxBuildPackagesStep step = new StxBuildPackagesStep();
    step.setMaxPods(16);
    step.setForce(true);
    step.setPackages("stx-hello, libstxsample");
    StxCommandLine command =
        step.commandLine(inPod(10, "spec:\n  nodeSelector:\n    a: b\n"), "", null, null);
    assertThat(command.argv())
        .containsExactly(
            "stx-build",
            "build",
            "--tree",
            ".",
            "--build-types",
            "std",
            "--on",
            "kubernetes",
            "--max-pods",
            "9", // the cloud's cap of 10 less the build's own pod
            "--namespace-strategy",
            "shared",
            "--namespace",
            "stx-starlingx",
            "--pkgbuilder-image",
            "registry:5000/stx-build-pkgbuilder@sha256:ab",
            "--retries",
            "0",
            "--force",
            "--packages",
            "stx-hello,libstxsample",
            "--user",
            "alice",
            "--project",
            "starlingx",
            "--branch",
            "r/stx.10.0",
            "--build-id",
            "daily-42");
    assertThat(command.env())
        .containsEntry(
            PackagePodEnvironment.PACKAGE_POD_YAML, "spec:\n  nodeSelector:\n    a: b\n");
  }

  @Test
  void withoutACapTheStepsMaxPodsHoldsAndDistributeFalseKeepsOnePod() {
    StxBuildPackagesStep step = new StxBuildPackagesStep();
    assertThat(step.commandLine(inPod(0, ""), "", null, null).argv())
        .containsSubsequence("--on", "kubernetes", "--max-pods", "8")
        .doesNotContain("--workers");
    step.setDistribute(false);
    StxCommandLine local = step.commandLine(inPod(0, "spec: {}"), "", null, null);
    assertThat(local.argv())
        .doesNotContain("--on", "--max-pods")
        .containsSubsequence("--workers", "2");
    assertThat(local.env()).isEmpty();
  }

  @Test
  void outsideTheScopesPodPackagesBuildWhereTheStepRuns() {
    assertThat(new StxBuildPackagesStep().commandLine(ENV, "", null, null).argv())
        .doesNotContain("--on")
        .containsSubsequence("--workers", "2");
  }

  @Test
  void thePulpPasswordTravelsInTheEnvironmentOnly() {
    StxCommandLine command =
        new StxDownloadStep().commandLine(ENV, "http://pulp:24817", "builder", "s3cr3t!");
    assertThat(command.argv())
        .contains("--pulp-url", "http://pulp:24817", "--pulp-user", "builder");
    assertThat(String.join(" ", command.argv())).doesNotContain("s3cr3t!");
    assertThat(command.env()).containsEntry(StxCommandLine.PULP_PASSWORD, "s3cr3t!");
  }

  @Test
  void aConfiguredPulpContentUrlIsPassedOnlyToCommandsTalkingToPulp() {
    StxCommandLine build =
        new StxBuildPackagesStep()
            .commandLine(inPod(4, ""), "http://pulp:24817", "builder", "pw")
            .withPulpContentUrl(" http://pulp-content.stx-build:24816 ");
    assertThat(build.argv())
        .containsSubsequence("--pulp-url", "http://pulp:24817")
        .containsSubsequence("--pulp-content-url", "http://pulp-content.stx-build:24816");
    // blank: nothing guessed, the CLI reads Pulp's published URLs as they are
    assertThat(
            new StxBuildPackagesStep()
                .commandLine(inPod(4, ""), "http://pulp:24817", "builder", "pw")
                .withPulpContentUrl("")
                .argv())
        .doesNotContain("--pulp-content-url");
    // no Pulp configured: no content URL either
    assertThat(
            new StxBuildPackagesStep()
                .commandLine(ENV, "", null, null)
                .withPulpContentUrl("http://pulp-content:24816")
                .argv())
        .doesNotContain("--pulp-content-url");
  }

  @Test
  void publishNamesTheLinesBranchAndTheRelease() {
    assertThat(new StxPublishStep("stx-10.0.1").commandLine(ENV, "", null, null).argv())
        .containsExactly(
            "stx-build",
            "publish",
            "--branch",
            "alice-starlingx-r-stx-10-0-0123456789",
            "--release",
            "stx-10.0.1");
  }

  @Test
  void helmChartsPassesItsListsOneOptionPerItem() {
    StxBuildHelmChartsStep step = new StxBuildHelmChartsStep();
    step.setAppPackages("stx-a-helm, stx-b-helm");
    step.setLabel("debian-stable-versioned");
    step.setImageRecords("images-std.lst images-rt.lst");
    assertThat(step.commandLine(ENV, "", null, null).argv())
        .containsSubsequence("stx-build", "helm-charts")
        .containsSubsequence("--app-package", "stx-a-helm", "--app-package", "stx-b-helm")
        .containsSubsequence("--label", "debian-stable-versioned")
        .containsSubsequence("--image-record", "images-std.lst", "--image-record", "images-rt.lst")
        .contains("--user", "--branch");
    assertThat(new StxBuildHelmChartsStep().commandLine(ENV, "", null, null).argv())
        .doesNotContain("--app-package", "--label", "--image-record");
  }

  @Test
  void imagesPassesTheSelectionAsStarlingxDoes() {
    StxBuildImagesStep step = new StxBuildImagesStep();
    step.setOnly("stx-nova stx-tool");
    step.setSkip("");
    assertThat(step.commandLine(ENV, "", null, null).argv())
        .containsSubsequence("stx-build", "images", "--tree", ".", "--stream", "stable")
        .containsSubsequence("--only", "stx-nova,stx-tool")
        .doesNotContain("--skip", "--push");
    step.setPush(true);
    Map<String, String> env = new java.util.HashMap<>(ENV);
    env.put(StxCommandRunner.REGISTRY, "registry.example:5000");
    assertThat(step.commandLine(env, "", null, null).argv())
        .containsSubsequence("--registry", "registry.example:5000")
        .contains("--push");
    assertThat(step.needsRegistryLogin()).isTrue();
    assertThat(
            step.commandLine(env, "", null, null)
                .withEnv(Map.of(StxCommandRunner.REGISTRY_AUTH, "{}"))
                .argv())
        .noneMatch(arg -> arg.contains("{}"));
  }

  @Test
  void anIsoSigningKeyIsNamedByItsIdOnlyItsContentTravelsInTheEnvironment() {
    StxBuildIsoStep iso = new StxBuildIsoStep();
    assertThat(iso.commandLine(ENV, "", null, null).argv()).doesNotContain("--key-id");
    iso.setSigningKeyCredentialsId("iso-signing-key");
    iso.setSigningKeyId("iso@starlingx.example");
    assertThat(iso.signingKeyCredentialsId()).isEqualTo("iso-signing-key");
    assertThat(iso.commandLine(ENV, "", null, null).argv())
        .containsSubsequence("--key-id", "iso@starlingx.example")
        .doesNotContain("iso-signing-key");
    StxDailyBuildStep daily = new StxDailyBuildStep();
    daily.setSigningKeyCredentialsId("iso-signing-key");
    daily.setSigningKeyId("iso@starlingx.example");
    assertThat(daily.commandLine(ENV, "", null, null).argv())
        .containsSubsequence("--iso-key-id", "iso@starlingx.example");
  }

  @Test
  void theDailyStepMapsItsSwitches() {
    StxDailyBuildStep step = new StxDailyBuildStep();
    step.setDryRun(true);
    assertThat(step.commandLine(ENV, "", null, null).argv())
        .containsSubsequence("stx-build", "daily", "--tree", ".", "--build-types", "std,rt")
        .contains("--dry-run")
        .doesNotContain("--force");
  }

  @Test
  void theFreestyleBuilderRunsTheSameCommandAsTheStep() {
    StxBuildPackagesBuilder builder = new StxBuildPackagesBuilder();
    builder.setWorkers(3);
    StxBuildPackagesStep step = new StxBuildPackagesStep();
    step.setWorkers(3);
    assertThat(builder.step().commandLine(ENV, "", null, null))
        .isEqualTo(step.commandLine(ENV, "", null, null));
  }

  @Test
  void everyBuilderDelegatesEachFieldToItsStep() throws Exception {
    StxDailyBuildBuilder daily = new StxDailyBuildBuilder();
    daily.setDryRun(true);
    daily.setBuildTypes("std,rt");
    assertThat(daily.isDryRun()).isTrue();
    assertThat(daily.step().isDryRun()).isTrue();
    assertThat(daily.step().commandLine(ENV, "", null, null).argv()).contains("--dry-run");

    StxBuildHelmChartsBuilder helm = new StxBuildHelmChartsBuilder();
    helm.setLabel("debian-stable-versioned");
    assertThat(helm.step().commandLine(ENV, "", null, null).argv())
        .containsSubsequence("helm-charts")
        .containsSubsequence("--label", "debian-stable-versioned");

    assertThat(new StxPublishBuilder("stx-10").step().commandLine(ENV, "", null, null).argv())
        .containsSubsequence("publish", "--branch")
        .containsSubsequence("--release", "stx-10");

    for (Class<? extends StxCliBuilder> type :
        List.of(
            StxDownloadBuilder.class,
            StxBuildPackagesBuilder.class,
            StxBuildIsoBuilder.class,
            StxBuildImagesBuilder.class,
            StxBuildHelmChartsBuilder.class,
            StxDailyBuildBuilder.class,
            StxBuildWheelsBuilder.class,
            StxPublishBuilder.class)) {
      Class<?> step = type.getDeclaredMethod("step").getReturnType();
      assertThat(StxCliBuilder.boundFields(type))
          .as(type.getSimpleName())
          .isNotEmpty()
          .isEqualTo(StxCliBuilder.boundFields(step));
    }
  }

  @Test
  void scopeDefaultsComeFromJenkinsOwnVariables() {
    StxAgentTemplateStep step = new StxAgentTemplateStep("starlingx", "master");
    var scope = step.scope(Map.of("JOB_NAME", "stx/daily", "BUILD_NUMBER", "17"));
    assertThat(scope.user()).isEqualTo("jenkins");
    assertThat(scope.buildId()).isEqualTo("stx/daily-17");
    assertThat(List.of(scope.project(), scope.branch())).containsExactly("starlingx", "master");
  }

  @Test
  void stepExecutionsResumeAfterARestartAndHoldOnlySerialisableState() throws Exception {
    Class<?> execution = StxCliStep.Execution.class;
    assertThat(execution.getSuperclass().getName())
        .isEqualTo("org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution");
    assertThat(execution.getDeclaredMethod("onResume").getDeclaringClass()).isEqualTo(execution);
    for (var field : execution.getDeclaredFields()) {
      if (!java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
        assertThat(
                field.getType().isPrimitive()
                    || java.io.Serializable.class.isAssignableFrom(field.getType()))
            .as(field.getName())
            .isTrue();
      }
    }
    // A step round-trips through Java serialisation, as Pipeline stores it across a restart.
    StxBuildPackagesStep step = new StxBuildPackagesStep();
    step.setWorkers(5);
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(step);
    }
    try (var in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(((StxBuildPackagesStep) in.readObject()).getWorkers()).isEqualTo(5);
    }
  }

  @Test
  void changeDetectionAndStatusRecordingMapJenkinsWords() {
    assertThat(new StxDetectChangesStep().commandLine(ENV, "", null, null).argv())
        .containsSubsequence(
            "stx-build", "detect-changes", "--tree", ".", "--build-types", "std,rt")
        .contains("--output-file", StxDetectChangesStep.ANSWER);
    assertThat(StxDetectChangesStep.needBuild("NEED_BUILD=true\nREASON=forced\n")).isTrue();
    assertThat(StxDetectChangesStep.needBuild("NEED_BUILD=false\nREASON=unchanged\n")).isFalse();
    assertThat(new StxRecordStatusStep("SUCCESS").commandLine(ENV, "", null, null).argv())
        .containsSubsequence("stx-build", "record-status", "--result", "success");
    assertThat(new StxRecordStatusStep("UNSTABLE").commandLine(ENV, "", null, null).argv())
        .containsSubsequence("--result", "failed");
    assertThat(
            new StxRecordStatusStep("ABORTED")
                .commandLine(Map.of("STX_SOURCE_FINGERPRINT", "abc"), "", null, null)
                .argv())
        .containsSubsequence("--result", "aborted", "--fingerprint", "abc");
  }
}
