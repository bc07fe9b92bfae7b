package org.starlingx.stxbuild.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import groovy.lang.Closure;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code StxBuild.groovy} ({@code stxBuild(...) { body }}) run against test doubles of
 * the Pipeline steps it calls: the body starts inside the scope's pod with the scope's environment,
 * and the pod template's block ends — so the kubernetes-plugin removes the template and its pod —
 * on success, on failure and when the build is stopped.
 */
class StxBuildGlobalVariableScriptTest {
  /** The Pipeline steps stxBuild uses, recording what happens; env as withEnv would expose it. */
  private static final String DOUBLES =
      """
      package org.jenkinsci.plugins.workflow.cps
      abstract class CpsScript extends Script {}
      """;

  private static final String FAKE_SCRIPT =
      """
      import org.jenkinsci.plugins.workflow.cps.CpsScript
      class FakePipeline extends CpsScript {
        List<String> events = []
        Map<String, String> env = [:]
        def run() {}
        def stxAgentTemplate(Map args) {
          events << "template for ${args.project}/${args.branch}"
          [cloud: 'kubernetes', namespace: 'stx-builds', label: 'stx-alice-stx-master-1-x',
           yaml: 'kind: Pod', env: ['STX_BUILD_BRANCH=master', 'STX_BUILD_LINE=alice-stx-master']]
        }
        def podTemplate(Map args, Closure body) {
          events << "pod template ${args.label} in ${args.namespace}"
          try { body() } finally { events << 'pod template removed' }
        }
        def node(String label, Closure body) { events << "node ${label}"; body() }
        def container(String name, Closure body) { events << "container ${name}"; body() }
        def withEnv(List<String> vars, Closure body) {
          Map<String, String> saved = new HashMap(env)
          vars.each { String v -> env[v.substring(0, v.indexOf('='))] = v.substring(v.indexOf('=') + 1) }
          try { body() } finally { env.clear(); env.putAll(saved) }
        }
      }
      """;

  private GroovyObject pipeline;
  private GroovyObject stxBuild;

  @BeforeEach
  void load() throws Exception {
    ClassLoader test = getClass().getClassLoader();
    // Hide jenkins-api's CpsScript (a declaration without Groovy's Script) behind the double.
    ClassLoader hiding =
        new ClassLoader(test) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals("org.jenkinsci.plugins.workflow.cps.CpsScript")) {
              throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
          }
        };
    GroovyClassLoader groovy = new GroovyClassLoader(hiding);
    groovy.parseClass(DOUBLES);
    String script;
    try (InputStream in =
        test.getResourceAsStream("org/starlingx/stxbuild/plugin/StxBuild.groovy")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Class<?> stxBuildClass = groovy.parseClass(script, "StxBuild.groovy");
    pipeline = (GroovyObject) groovy.parseClass(FAKE_SCRIPT).getDeclaredConstructor().newInstance();
    stxBuild = (GroovyObject) stxBuildClass.getConstructors()[0].newInstance(pipeline);
  }

  /** What happened, as text (Groovy records GStrings). */
  @SuppressWarnings("unchecked")
  private List<String> events() {
    return ((List<Object>) pipeline.getProperty("events")).stream().map(Object::toString).toList();
  }

  @SuppressWarnings("unchecked")
  private void record(String event) {
    ((List<Object>) pipeline.getProperty("events")).add(event);
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> env() {
    return (Map<String, String>) pipeline.getProperty("env");
  }

  private Closure<Object> body(Runnable what) {
    return new Closure<Object>(this) {
      @SuppressWarnings("unused")
      public Object doCall() {
        what.run();
        return null;
      }
    };
  }

  @Test
  void theBodyRunsInTheScopesPodWithItsEnvironmentAndTheTemplateEnds() {
    stxBuild.invokeMethod(
        "call",
        new Object[] {
          Map.of("project", "stx", "branch", "master"),
          body(() -> record("body sees line " + env().get("STX_BUILD_LINE")))
        });
    assertThat(events())
        .containsExactly(
            "template for stx/master",
            "pod template stx-alice-stx-master-1-x in stx-builds",
            "node stx-alice-stx-master-1-x",
            "container builder",
            "body sees line alice-stx-master",
            "pod template removed");
    assertThat(env()).as("the scope's variables end with the block").isEmpty();
  }

  @Test
  void aFailingBodyFailsTheStepAndTheTemplateStillEnds() {
    assertThatThrownBy(
            () ->
                stxBuild.invokeMethod(
                    "call",
                    new Object[] {
                      Map.of("project", "stx", "branch", "master"),
                      body(
                          () -> {
                            throw new IllegalStateException("package build failed");
                          })
                    }))
        .hasMessageContaining("package build failed");
    assertThat(events()).last().isEqualTo("pod template removed");
  }

  @Test
  void aStoppedBuildEndsTheTemplateToo() {
    assertThatThrownBy(
            () ->
                stxBuild.invokeMethod(
                    "call",
                    new Object[] {
                      Map.of("project", "stx", "branch", "master"),
                      body(
                          () -> {
                            // what Pipeline throws into a step when the build is aborted
                            throw new RuntimeException(new InterruptedException("aborted"));
                          })
                    }))
        .hasRootCauseInstanceOf(InterruptedException.class);
    assertThat(events()).last().isEqualTo("pod template removed");
    assertThat(events()).doesNotContain("body sees line alice-stx-master");
  }
}
