package org.starlingx.stxbuild.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The packaged .hpi as Jenkins will read it: manifest, bundled jars, extension and symbol indexes,
 * Jelly views and a help file for every field, as maven-hpi-plugin packed it. Runs after {@code
 * package}, needs no services.
 */
class HpiLayoutIT {
  static final Path HPI = Path.of("target", "starlingx-build.hpi");
  static final String PACKAGE = "org/starlingx/stxbuild/plugin/";
  static Map<String, byte[]> pluginJar = new TreeMap<>();
  static List<String> libraries = new ArrayList<>();
  static Manifest manifest;

  @BeforeAll
  static void open() throws IOException {
    try (ZipFile hpi = new ZipFile(HPI.toFile())) {
      manifest = new Manifest(hpi.getInputStream(hpi.getEntry("META-INF/MANIFEST.MF")));
      for (ZipEntry entry : java.util.Collections.list(hpi.entries())) {
        if (entry.getName().startsWith("WEB-INF/lib/") && entry.getName().endsWith(".jar")) {
          libraries.add(entry.getName().substring("WEB-INF/lib/".length()));
        }
      }
      Path jar = Files.createTempFile("plugin-", ".jar");
      try (InputStream in = hpi.getInputStream(hpi.getEntry("WEB-INF/lib/starlingx-build.jar"))) {
        Files.copy(in, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      try (JarFile classes = new JarFile(jar.toFile())) {
        for (var entry : java.util.Collections.list(classes.entries())) {
          if (!entry.isDirectory()) {
            pluginJar.put(entry.getName(), classes.getInputStream(entry).readAllBytes());
          }
        }
      }
    }
  }

  @Test
  void theManifestSaysWhatJenkinsReads() {
    var attributes = manifest.getMainAttributes();
    assertThat(attributes.getValue("Short-Name")).isEqualTo("starlingx-build");
    assertThat(attributes.getValue("Long-Name")).isNotBlank();
    assertThat(attributes.getValue("Plugin-Version")).isNotBlank();
    assertThat(attributes.getValue("Jenkins-Version")).isEqualTo("2.568.1");
    // written by maven-hpi-plugin: Jenkins trusts (XStream class filter) the classes of a plugin
    // whose main jar carries these
    assertThat(attributes.getValue("Group-Id")).isEqualTo("org.starlingx.build");
    assertThat(attributes.getValue("Artifact-Id")).isEqualTo("starlingx-build");
    List<String> dependencies = List.of(attributes.getValue("Plugin-Dependencies").split(","));
    assertThat(dependencies)
        .allMatch(d -> d.matches("[a-z0-9-]+:[A-Za-z0-9._-]+(;resolution:=optional)?"))
        .extracting(d -> d.substring(0, d.indexOf(':')))
        .contains(
            "kubernetes",
            "kubernetes-client-api",
            "workflow-step-api",
            "workflow-cps",
            "workflow-basic-steps",
            "workflow-durable-task-step",
            "credentials",
            "plain-credentials",
            "jackson2-api",
            "okhttp-api");
  }

  /**
   * Jenkins' class filter (ClassFilterImpl.isPluginManifest) lets XStream write a class only when
   * the jar it comes from carries a plugin manifest (Short-Name, Plugin-Version, Jenkins-Version):
   * without it the configuration and every job with a StarlingX builder were refused on save.
   */
  @Test
  void theMainJarCarriesThePluginManifestSoJenkinsTrustsItsClasses() throws IOException {
    Manifest jarManifest =
        new Manifest(new java.io.ByteArrayInputStream(pluginJar.get("META-INF/MANIFEST.MF")));
    var attributes = jarManifest.getMainAttributes();
    assertThat(attributes.getValue("Short-Name")).isEqualTo("starlingx-build");
    assertThat(attributes.getValue("Plugin-Version")).isNotBlank();
    assertThat(attributes.getValue("Jenkins-Version")).isEqualTo("2.568.1");
  }

  @Test
  void theEngineIsBundledAndNothingAnotherPluginProvides() {
    assertThat(libraries).contains("starlingx-build.jar");
    assertThat(libraries).anyMatch(l -> l.startsWith("starlingx-build-engine-"));
    assertThat(libraries)
        .noneMatch(
            l ->
                l.startsWith("kubernetes-")
                    || l.startsWith("jackson")
                    || l.startsWith("okhttp")
                    || l.startsWith("kotlin")
                    || l.startsWith("jenkins-api")
                    || l.startsWith("sezpoz")
                    || l.startsWith("snakeyaml"));
  }

  @Test
  void everyExtensionIsInTheExtensionIndex() throws Exception {
    String index =
        new String(
            pluginJar.get("META-INF/annotations/hudson.Extension"), StandardCharsets.ISO_8859_1);
    for (Class<?> type : pluginClasses()) {
      boolean extension = type.isAnnotationPresent(hudson.Extension.class);
      if (extension) {
        assertThat(index).as(type.getName()).contains(type.getName());
      }
    }
  }

  @Test
  void theSymbolIndexListsExactlyTheSymbols() throws Exception {
    Set<String> listed =
        new HashSet<>(
            List.of(
                new String(
                        pluginJar.get("META-INF/services/annotations/org.jenkinsci.Symbol"),
                        StandardCharsets.UTF_8)
                    .split("\n")));
    Set<String> annotated = new HashSet<>();
    for (Class<?> type : pluginClasses()) {
      if (type.isAnnotationPresent(org.jenkinsci.Symbol.class)) {
        annotated.add(type.getName());
      }
    }
    assertThat(listed).isEqualTo(annotated);
  }

  @Test
  void everyJellyViewIsWellFormedAndEveryFieldHasHelp() throws Exception {
    Pattern field = Pattern.compile("field=\"([A-Za-z]+)\"");
    int views = 0;
    for (Map.Entry<String, byte[]> entry : pluginJar.entrySet()) {
      if (!entry.getKey().endsWith(".jelly")) {
        continue;
      }
      views++;
      DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(new java.io.ByteArrayInputStream(entry.getValue()));
      Matcher m = field.matcher(new String(entry.getValue(), StandardCharsets.UTF_8));
      String dir = entry.getKey().substring(0, entry.getKey().lastIndexOf('/') + 1);
      while (m.find()) {
        String help = "help-" + m.group(1) + ".html";
        // Jenkins looks for a field's help beside the class's views, then its ancestors'.
        assertThat(helpDirectories(dir))
            .as("help for %s in %s or an ancestor's views", m.group(1), dir)
            .anyMatch(candidate -> pluginJar.containsKey(candidate + help));
      }
    }
    assertThat(views).isGreaterThanOrEqualTo(9);
  }

  /** The view directory {@code dir} and those of its class's ancestors in the plugin. */
  private static List<String> helpDirectories(String dir) {
    List<String> dirs = new ArrayList<>(List.of(dir));
    try {
      Class<?> type = Class.forName(dir.substring(0, dir.length() - 1).replace('/', '.'));
      for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
        dirs.add(c.getName().replace('.', '/') + "/");
      }
    } catch (ClassNotFoundException e) {
      // a view that belongs to no class (index.jelly): only its own directory
    }
    return dirs;
  }

  @Test
  void everyBoundParameterHasAFieldInItsView() throws Exception {
    for (Class<?> type : pluginClasses()) {
      if (java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
        continue; // Jenkins shows forms of concrete describables; they inherit these setters
      }
      Set<String> bound = new HashSet<>();
      for (Constructor<?> constructor : type.getConstructors()) {
        if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
          for (Parameter parameter : constructor.getParameters()) {
            assertThat(parameter.isNamePresent()).as("compiled with -parameters").isTrue();
            bound.add(parameter.getName());
          }
        }
      }
      for (Method method : type.getMethods()) {
        if (method.isAnnotationPresent(DataBoundSetter.class)) {
          String name = method.getName().substring(3);
          bound.add(Character.toLowerCase(name.charAt(0)) + name.substring(1));
        }
      }
      if (bound.isEmpty()) {
        continue;
      }
      if (StxCliBuilder.class.isAssignableFrom(type)) {
        // A builder shows its step's form (StxCliBuilder/config.jelly includes it) and redirects
        // help to the step: it must bind exactly the step's fields, which the step's view has.
        Class<?> step = type.getDeclaredMethod("step").getReturnType();
        assertThat(bound)
            .as("fields of %s and its step", type.getSimpleName())
            .isEqualTo(StxCliBuilder.boundFields(step));
        assertThat(bound).isEqualTo(StxCliBuilder.boundFields(type));
        assertThat(pluginJar).containsKey(PACKAGE + step.getSimpleName() + "/config.jelly");
        continue;
      }
      byte[] view = pluginJar.get(PACKAGE + type.getSimpleName() + "/config.jelly");
      assertThat(view).as("config.jelly of %s", type.getSimpleName()).isNotNull();
      String text = new String(view, StandardCharsets.UTF_8);
      for (String name : bound) {
        assertThat(text)
            .as("%s in the view of %s", name, type.getSimpleName())
            .contains("field=\"" + name + "\"");
      }
    }
  }

  @Test
  void thePipelineScriptIsShippedAndAllowed() {
    assertThat(pluginJar).containsKey(PACKAGE + "StxBuild.groovy");
    String script = new String(pluginJar.get(PACKAGE + "StxBuild.groovy"), StandardCharsets.UTF_8);
    assertThat(script)
        .contains(
            "stxAgentTemplate(args)",
            "podTemplate(",
            "node(template.label)",
            "container('builder')");
    assertThat(
            new StxBuildGroovyAllowlist()
                .isAllowed(
                    "jar:file:/x/starlingx-build.jar!/org/starlingx/stxbuild/plugin/StxBuild.groovy"))
        .isTrue();
    assertThat(new StxBuildGroovyAllowlist().isAllowed("file:/x/Evil.groovy")).isFalse();
    assertThat(new StxBuildGlobalVariable().getName()).isEqualTo("stxBuild");
  }

  private static List<Class<?>> pluginClasses() throws Exception {
    List<Class<?>> types = new ArrayList<>();
    ClassLoader loader = HpiLayoutIT.class.getClassLoader();
    for (String name : pluginJar.keySet()) {
      if (name.startsWith(PACKAGE) && name.endsWith(".class")) {
        types.add(Class.forName(name.replace('/', '.').replace(".class", ""), false, loader));
      }
    }
    return types;
  }
}
