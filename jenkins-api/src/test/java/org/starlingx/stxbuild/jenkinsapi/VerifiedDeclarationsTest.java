package org.starlingx.stxbuild.jenkinsapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every type and every public or protected member compiled into jenkins-api must have a row in
 * VERIFIED.md (recording where upstream it was checked), and every row must name something that is
 * declared. Rows are compared on (type, member, kind), with member and kind rendered from
 * reflection as described in VERIFIED.md.
 */
class VerifiedDeclarationsTest {

  private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
  private static final Path CLASSES = BASEDIR.resolve("target/classes");
  private static final Path VERIFIED = BASEDIR.resolve("VERIFIED.md");
  private static final Pattern PACKAGE_PREFIX =
      Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])");

  @Test
  void everyDeclarationIsVerifiedAndEveryVerifiedRowIsDeclared() throws Exception {
    Set<String> declared = declaredRows();
    Set<String> verified = verifiedRows();

    assertThat(declared).as("classes found under %s", CLASSES).isNotEmpty();
    Set<String> unverified = new TreeSet<>(declared);
    unverified.removeAll(verified);
    Set<String> undeclared = new TreeSet<>(verified);
    undeclared.removeAll(declared);

    assertThat(unverified)
        .as("declared in jenkins-api but missing from VERIFIED.md:%n%s", render(unverified))
        .isEmpty();
    assertThat(undeclared)
        .as("named in VERIFIED.md but not declared in jenkins-api:%n%s", render(undeclared))
        .isEmpty();
  }

  @Test
  void everyVerifiedRowNamesItsSource() throws IOException {
    for (List<String> cells : tableRows()) {
      assertThat(cells).as("row %s has 6 cells", cells).hasSize(6);
      for (int i = 3; i < 6; i++) {
        assertThat(cells.get(i)).as("row %s column %d (source)", cells, i + 1).isNotBlank();
      }
      assertThat(cells.get(3)).as("repository of row %s", cells).contains("/");
    }
  }

  private static String render(Set<String> rows) {
    return rows.stream()
        .map(r -> "| " + String.join(" | ", r.split("\t", -1)) + " |")
        .collect(Collectors.joining("\n"));
  }

  // ----- VERIFIED.md side -----

  private static Set<String> verifiedRows() throws IOException {
    Set<String> rows = new TreeSet<>();
    for (List<String> cells : tableRows()) {
      rows.add(key(cells.get(0), unescape(cells.get(1)), cells.get(2)));
    }
    return rows;
  }

  /** Data rows of every table in VERIFIED.md whose header starts with "| Type | Member | Kind". */
  private static List<List<String>> tableRows() throws IOException {
    List<List<String>> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : Files.readAllLines(VERIFIED)) {
      String t = line.trim();
      if (!t.startsWith("|")) {
        inTable = false;
        continue;
      }
      List<String> cells = cells(t);
      if (cells.size() >= 3
          && cells.get(0).equals("Type")
          && cells.get(1).equals("Member")
          && cells.get(2).equals("Kind")) {
        inTable = true;
        continue;
      }
      if (!inTable || cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
        continue;
      }
      rows.add(cells);
    }
    return rows;
  }

  private static List<String> cells(String line) {
    String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '|') {
        cur.append("\\|");
        i++;
      } else if (c == '|') {
        out.add(cur.toString().trim());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString().trim());
    return out;
  }

  private static String unescape(String cell) {
    String s = cell.replace("\\|", "|");
    if (s.startsWith("`") && s.endsWith("`") && s.length() >= 2) {
      s = s.substring(1, s.length() - 1);
    }
    return s;
  }

  // ----- compiled side -----

  private static Set<String> declaredRows() throws Exception {
    Set<String> rows = new TreeSet<>();
    List<String> classNames;
    try (Stream<Path> files = Files.walk(CLASSES)) {
      classNames =
          files
              .filter(p -> p.toString().endsWith(".class"))
              .map(p -> CLASSES.relativize(p).toString())
              .map(s -> s.substring(0, s.length() - ".class".length()).replace('/', '.'))
              .filter(s -> !s.equals("module-info") && !s.endsWith("package-info"))
              .sorted()
              .toList();
    }
    ClassLoader loader = VerifiedDeclarationsTest.class.getClassLoader();
    for (String name : classNames) {
      Class<?> c = Class.forName(name, false, loader);
      if (c.isSynthetic() || c.isAnonymousClass() || c.isLocalClass()) {
        continue;
      }
      boolean nested = c.getEnclosingClass() != null;
      assertThat(
              Modifier.isPublic(c.getModifiers())
                  || (nested && Modifier.isProtected(c.getModifiers())))
          .as("%s should be public (or a protected member type) like its upstream type", name)
          .isTrue();
      String type = c.getCanonicalName();
      rows.add(key(type, "(type)", typeKind(c)));
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (visible(k.getModifiers()) && !k.isSynthetic()) {
          rows.add(
              key(
                  type,
                  signature("<init>", k, null),
                  memberKind(k.getModifiers(), "constructor", c)));
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        if (!visible(m.getModifiers()) || m.isSynthetic() || m.isBridge()) {
          continue;
        }
        String base = c.isAnnotation() ? "annotation element" : "method";
        rows.add(
            key(type, signature(m.getName(), m, m.getGenericReturnType()), methodKind(m, base, c)));
      }
      for (Field f : c.getDeclaredFields()) {
        if (visible(f.getModifiers()) && !f.isSynthetic()) {
          rows.add(
              key(
                  type,
                  f.getName() + ": " + simple(f.getGenericType()),
                  memberKind(f.getModifiers(), "field", c)));
        }
      }
    }
    return rows;
  }

  private static boolean visible(int mod) {
    return Modifier.isPublic(mod) || Modifier.isProtected(mod);
  }

  private static String typeKind(Class<?> c) {
    if (c.isAnnotation()) {
      return "annotation";
    }
    if (c.isInterface()) {
      return (Modifier.isProtected(c.getModifiers()) ? "protected " : "") + "interface";
    }
    if (c.isEnum()) {
      return "enum";
    }
    String k = "class";
    if (Modifier.isFinal(c.getModifiers())) {
      k = "final " + k;
    }
    if (Modifier.isAbstract(c.getModifiers())) {
      k = "abstract " + k;
    }
    if (c.getEnclosingClass() != null) {
      k = (Modifier.isStatic(c.getModifiers()) ? "static nested " : "inner ") + k;
    }
    if (Modifier.isProtected(c.getModifiers())) {
      k = "protected " + k;
    }
    return k;
  }

  private static String methodKind(Method m, String base, Class<?> owner) {
    String k = memberKind(m.getModifiers(), base, owner);
    if (m.isDefault()) {
      k = k.replace(base, "default " + base);
    }
    return k;
  }

  private static String memberKind(int mod, String base, Class<?> owner) {
    List<String> words = new ArrayList<>();
    if (Modifier.isProtected(mod)) {
      words.add("protected");
    }
    if (Modifier.isStatic(mod)) {
      words.add("static");
    }
    if (Modifier.isAbstract(mod) && !owner.isAnnotation()) {
      words.add("abstract");
    }
    if (Modifier.isFinal(mod) && !(owner.isInterface() && base.equals("field"))) {
      words.add("final");
    }
    words.add(base);
    return String.join(" ", words);
  }

  private static String signature(String name, Executable e, Type returnType) {
    StringBuilder sb = new StringBuilder();
    TypeVariable<?>[] tps = e.getTypeParameters();
    if (tps.length > 0) {
      sb.append('<')
          .append(
              Arrays.stream(tps)
                  .map(VerifiedDeclarationsTest::typeParameter)
                  .collect(Collectors.joining(", ")))
          .append("> ");
    }
    sb.append(name).append('(');
    Type[] params = e.getGenericParameterTypes();
    if (params.length != e.getParameterCount()) {
      params = e.getParameterTypes();
    }
    sb.append(
        Arrays.stream(params)
            .map(VerifiedDeclarationsTest::simple)
            .collect(Collectors.joining(", ")));
    sb.append(')');
    if (returnType != null) {
      sb.append(": ").append(simple(returnType));
    }
    Type[] thrown = e.getGenericExceptionTypes();
    if (thrown.length > 0) {
      sb.append(" throws ")
          .append(
              Arrays.stream(thrown)
                  .map(VerifiedDeclarationsTest::simple)
                  .collect(Collectors.joining(", ")));
    }
    return sb.toString();
  }

  private static String typeParameter(TypeVariable<?> tv) {
    List<String> bounds =
        Arrays.stream(tv.getBounds())
            .filter(b -> b != Object.class)
            .map(VerifiedDeclarationsTest::simple)
            .toList();
    return bounds.isEmpty()
        ? tv.getName()
        : tv.getName() + " extends " + String.join(" & ", bounds);
  }

  static String simple(Type t) {
    return PACKAGE_PREFIX.matcher(t.getTypeName()).replaceAll("").replace('$', '.');
  }

  private static String key(String type, String member, String kind) {
    return type + "\t" + member + "\t" + kind;
  }
}
