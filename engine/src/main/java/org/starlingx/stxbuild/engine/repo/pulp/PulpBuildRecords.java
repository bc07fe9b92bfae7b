package org.starlingx.stxbuild.engine.repo.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.starlingx.stxbuild.engine.reuse.BuildRecord;
import org.starlingx.stxbuild.engine.reuse.BuildRecords;
import org.starlingx.stxbuild.engine.reuse.ReuseScope;

/**
 * Build records kept in Pulp as labels on the package content a build produced: every {@code .deb}
 * of a good build of inputs {@code F} carries {@code stx.fp.F} (any line), {@code stx.fp.F.p.P}
 * (its project) and {@code stx.fp.F.l.L} (its line), each valued {@code <count>:<source package>}.
 * A lookup is one label query; the count tells that every file of that build is still there. Labels
 * are set without a task, and live and die with the content they describe: content that retention
 * removed takes its records with it.
 */
final class PulpBuildRecords implements BuildRecords {
  private static final String PACKAGES = "/pulp/api/v3/content/deb/packages/";
  private final PulpHttp http;

  /** Told each package content (sha256, href) a found record names, so it is not asked again. */
  private final java.util.function.BiConsumer<String, String> seenPackage;

  PulpBuildRecords(PulpHttp http, java.util.function.BiConsumer<String, String> seenPackage) {
    this.http = http;
    this.seenPackage = seenPackage;
  }

  @Override
  public Optional<BuildRecord> find(
      String sourcePackage, String fingerprint, ReuseScope scope, String line, String project) {
    List<String[]> keys = new ArrayList<>();
    keys.add(new String[] {lineKey(fingerprint, line), line, project});
    if (scope != ReuseScope.LINE) {
      keys.add(new String[] {projectKey(fingerprint, project), "", project});
    }
    if (scope == ReuseScope.EVERYTHING) {
      keys.add(new String[] {anyKey(fingerprint), "", ""});
    }
    for (String[] key : keys) {
      List<JsonNode> found =
          http.list(
              PACKAGES,
              Map.of(
                  "pulp_label_select",
                  key[0],
                  "fields",
                  "pulp_href,sha256,relative_path,pulp_labels"));
      if (found.isEmpty()) {
        continue;
      }
      String value = found.get(0).path("pulp_labels").path(key[0]).asText("");
      String expected = found.size() + ":" + sourcePackage;
      if (!value.equals(expected)) {
        // Files of that build are gone (or the labels were written by another package): rebuild.
        continue;
      }
      List<BuildRecord.Deb> debs = new ArrayList<>();
      for (JsonNode node : found) {
        String path = node.path("relative_path").asText();
        debs.add(
            new BuildRecord.Deb(
                path.substring(path.lastIndexOf('/') + 1), node.path("sha256").asText()));
        seenPackage.accept(node.path("sha256").asText(), node.path("pulp_href").asText());
      }
      return Optional.of(new BuildRecord(sourcePackage, fingerprint, key[1], key[2], debs));
    }
    return Optional.empty();
  }

  @Override
  public void save(Collection<BuildRecord> records) {
    for (BuildRecord record : records) {
      String value = record.debs().size() + ":" + record.sourcePackage();
      for (BuildRecord.Deb deb : record.debs()) {
        List<JsonNode> content =
            http.list(PACKAGES, Map.of("sha256", deb.sha256(), "fields", "pulp_href,pulp_labels"));
        for (JsonNode node : content) {
          JsonNode labels = node.path("pulp_labels");
          for (String key :
              List.of(
                  anyKey(record.fingerprint()),
                  projectKey(record.fingerprint(), record.project()),
                  lineKey(record.fingerprint(), record.line()))) {
            if (!value.equals(labels.path(key).asText(null))) {
              http.post(
                  node.path("pulp_href").asText() + "set_label/",
                  Map.of("key", key, "value", value));
            }
          }
        }
      }
    }
  }

  static String anyKey(String fingerprint) {
    return "stx.fp." + fingerprint;
  }

  static String projectKey(String fingerprint, String project) {
    return anyKey(fingerprint) + ".p." + shortHash(project);
  }

  static String lineKey(String fingerprint, String line) {
    return anyKey(fingerprint) + ".l." + shortHash(line);
  }

  /** Line and project names may hold characters label keys refuse; their hash never does. */
  private static String shortHash(String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
