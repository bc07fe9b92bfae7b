package org.starlingx.stxbuild.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

/** The documented pipeline and Configuration-as-Code name only what the plugin has. */
class DocumentedExamplesTest {
  static final Path DOCS = Path.of("").toAbsolutePath().getParent().resolve("docs/examples");

  /** Steps of our plugin, and the Pipeline/kubernetes-plugin steps the examples also use. */
  static final Set<String> KNOWN =
      Set.of(
          "stxBuild",
          "stxAgentTemplate",
          "stxDownload",
          "stxBuildPackages",
          "stxPublish",
          "stxBuildIso",
          "stxBuildImage",
          "stxBuildImages",
          "stxBuildWheels",
          "stxBuildHelmCharts",
          "stxDetectChanges",
          "stxRecordStatus",
          "echo",
          "stxDailyBuild",
          "pipeline",
          "agent",
          "parameters",
          "booleanParam",
          "string",
          "triggers",
          "cron",
          "stages",
          "stage",
          "steps",
          "script",
          "parallel",
          "checkout",
          "sh",
          "junit",
          "archiveArtifacts",
          "post",
          "always",
          "options",
          "timeout",
          "label",
          "node",
          "podTemplate",
          "container",
          "withEnv");

  @Test
  void theDailyPipelineCallsOnlyStepsThatExistWithTheirParameters() throws Exception {
    String pipeline = Files.readString(DOCS.resolve("daily-build.Jenkinsfile"));
    Matcher stx = Pattern.compile("\\b(stx[A-Z][A-Za-z]*)\\(").matcher(pipeline);
    Set<String> used = new HashSet<>();
    while (stx.find()) {
      used.add(stx.group(1));
    }
    assertThat(used)
        .isSubsetOf(KNOWN)
        .contains("stxBuild", "stxDownload", "stxBuildPackages", "stxBuildIso", "stxPublish");
    assertThat(parameterNames(pipeline, "stxBuildPackages"))
        .isSubsetOf(bound(StxBuildPackagesStep.class));
    assertThat(parameterNames(pipeline, "stxDailyBuild"))
        .isSubsetOf(bound(StxDailyBuildStep.class));
    assertThat(parameterNames(pipeline, "stxBuildIso")).isSubsetOf(bound(StxBuildIsoStep.class));
    assertThat(parameterNames(pipeline, "stxPublish")).containsOnly("release");
    assertThat(parameterNames(pipeline, "stxBuildImages"))
        .isSubsetOf(bound(StxBuildImagesStep.class));
    assertThat(parameterNames(pipeline, "stxBuildHelmCharts"))
        .isNotEmpty()
        .isSubsetOf(bound(StxBuildHelmChartsStep.class));
    assertThat(parameterNames(pipeline, "stxBuildImage"))
        .isSubsetOf(bound(StxBuildImageStep.class));
    assertThat(balanced(pipeline)).as("braces and parentheses balance").isTrue();
  }

  @Test
  void theCascYamlBindsToTheGlobalConfigurationsSetters() throws Exception {
    JsonNode casc =
        new ObjectMapper(new YAMLFactory()).readTree(DOCS.resolve("casc.yaml").toFile());
    JsonNode section = casc.path("unclassified").path("starlingxBuild");
    assertThat(section.isObject()).isTrue();
    Set<String> setters = bound(StxBuildConfiguration.class);
    for (Iterator<String> keys = section.fieldNames(); keys.hasNext(); ) {
      assertThat(setters).as("CasC key").contains(keys.next());
    }
  }

  private static Set<String> parameterNames(String pipeline, String step) {
    Set<String> names = new HashSet<>();
    Matcher call =
        Pattern.compile(step + "\\(([^)]*(?:\\([^)]*\\)[^)]*)*)\\)", Pattern.DOTALL)
            .matcher(pipeline);
    while (call.find()) {
      // Names before a colon, outside string literals ('git://...' is a value, not a parameter).
      String arguments = call.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "''");
      Matcher name = Pattern.compile("([A-Za-z]+):").matcher(arguments);
      while (name.find()) {
        names.add(name.group(1));
      }
    }
    return names;
  }

  private static Set<String> bound(Class<?> type) {
    Set<String> names = new HashSet<>();
    for (Method method : type.getMethods()) {
      if (method.isAnnotationPresent(DataBoundSetter.class)) {
        String n = method.getName().substring(3);
        names.add(Character.toLowerCase(n.charAt(0)) + n.substring(1));
      }
    }
    for (var constructor : type.getConstructors()) {
      for (var parameter : constructor.getParameters()) {
        names.add(parameter.getName());
      }
    }
    return names;
  }

  private static boolean balanced(String text) {
    int braces = 0;
    int parens = 0;
    for (char c : text.replaceAll("'[^'\\n]*'|\"[^\"\\n]*\"", "").toCharArray()) {
      braces += c == '{' ? 1 : c == '}' ? -1 : 0;
      parens += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (braces < 0 || parens < 0) {
        return false;
      }
    }
    return braces == 0 && parens == 0;
  }
}
