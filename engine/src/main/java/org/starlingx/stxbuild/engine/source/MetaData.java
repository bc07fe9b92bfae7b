package org.starlingx.stxbuild.engine.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A package directory's {@code meta_data.yaml}, read as StarlingX's debrepack.py reads it: which
 * keys are present matters ({@code src_path: null} is an in-tree recipe with an empty source
 * directory), values are taken as YAML gives them ({@code debver: 1.0} is the text {@code 1.0}),
 * and keys debrepack does not read are ignored, not refused.
 *
 * @param debname source package name (absent: the package directory's name)
 * @param debver the version as written, without trailing {@code @}
 * @param srcPath in-tree sources (before variable expansion); null with {@code srcPathGiven}: an
 *     empty source directory that {@code src_files}/{@code dl_files} fill
 * @param srcPathGiven whether the key {@code src_path} is present at all
 * @param srcFiles extra files copied into the source (before variable expansion)
 * @param dlPath one upstream tarball
 * @param dlFiles several downloaded files, keyed by file name
 * @param archive a Debian archive directory holding {@code <debname>_<debver>.dsc}
 * @param dscSha256 the {@code .dsc}'s sha256 ({@code dsc_sha256}, as StarlingX spells it; this
 *     project's earlier {@code dsc_sha256sum} is read as the same pin)
 * @param dlHook a script that produces the sources, relative to the metadata's directory
 * @param serial the package must not be built in parallel with others
 * @param revision how the version's StarlingX suffix is counted (null: no suffix)
 */
public record MetaData(
    String debname,
    String debver,
    String srcPath,
    boolean srcPathGiven,
    List<String> srcFiles,
    Download dlPath,
    Map<String, Download> dlFiles,
    String archive,
    String dscSha256,
    String dlHook,
    boolean serial,
    Revision revision) {

  public MetaData {
    srcFiles = srcFiles == null ? List.of() : List.copyOf(srcFiles);
    dlFiles =
        dlFiles == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(dlFiles));
  }

  /** A minimal in-tree or upstream recipe (tests, callers that build recipes by hand). */
  public static MetaData of(String debname, String debver, String srcPath) {
    return new MetaData(
        debname,
        debver,
        srcPath,
        srcPath != null,
        List.of(),
        null,
        Map.of(),
        null,
        null,
        null,
        false,
        null);
  }

  /**
   * One downloaded file.
   *
   * @param name the file name (for {@code dl_path}; {@code dl_files} use their key)
   * @param url where upstream serves it
   * @param md5sum the checksum it must have, or
   * @param sha256sum this one (preferred, as debrepack does)
   * @param topdir for {@code dl_files}: the directory it is unpacked into (null: copied as is)
   * @param topdirGiven whether {@code topdir} is present (debrepack reads it unconditionally)
   */
  public record Download(
      String name,
      String url,
      String md5sum,
      String sha256sum,
      String topdir,
      boolean topdirGiven) {
    public Download(String name, String url, String md5sum, String sha256sum, String topdir) {
      this(name, url, md5sum, sha256sum, topdir, topdir != null);
    }
  }

  /**
   * The {@code revision:} block: each counter adds git commit counts, {@code stx_patch} adds a
   * number, {@code dist} is the text before the dot.
   *
   * @param dist e.g. {@code $STX_DIST} (null: none)
   * @param pkgGitRevCount {@code PKG_GITREVCOUNT}: commits to the metadata directory
   * @param pkgBaseSrcrev {@code PKG_BASE_SRCREV}: count only after this commit
   * @param srcGitRevCount {@code SRC_GITREVCOUNT}: commits to {@code src_path}
   * @param srcBaseSrcrev its {@code SRC_BASE_SRCREV}
   * @param filesGitRevCount {@code FILES_GITREVCOUNT}: base commits, one per {@code src_files}
   * @param gitRevCount {@code GITREVCOUNT}: commits to {@code SRC_DIR}
   * @param gitRevCountSrcDir its {@code SRC_DIR} (null: the metadata directory)
   * @param gitRevCountBaseSrcrev its {@code BASE_SRCREV} (required)
   * @param stxPatch {@code stx_patch}: a number added (null: none)
   */
  public record Revision(
      String dist,
      boolean pkgGitRevCount,
      String pkgBaseSrcrev,
      boolean srcGitRevCount,
      String srcBaseSrcrev,
      List<String> filesGitRevCount,
      boolean gitRevCount,
      String gitRevCountSrcDir,
      String gitRevCountBaseSrcrev,
      Integer stxPatch) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Reads a meta_data.yaml; errors name the file, the field and what was expected. */
  public static MetaData read(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(InputLimits.read(file, InputLimits.METADATA_BYTES, "meta_data.yaml"));
    } catch (JsonProcessingException e) {
      throw new SourceLayoutException(
          file
              + ": not valid YAML (line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + ")",
          e);
    } catch (IOException e) {
      throw new SourceLayoutException(file + ": cannot be read", e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new SourceLayoutException(file + ": empty; expected debname, debver and a source");
    }
    if (!root.isObject()) {
      throw new SourceLayoutException(file + ": expected a mapping of fields such as debver");
    }
    Fields fields = new Fields(file, root, "");
    String debver = fields.text("debver");
    if (debver == null || debver.isBlank()) {
      throw new SourceLayoutException(
          file + ": field 'debver' is missing; expected the package version");
    }
    debver = debver.replaceAll("@+$", "");
    String debname = fields.text("debname");
    if (root.has("debname") && (debname == null || debname.isBlank())) {
      throw new SourceLayoutException(file + ": field 'debname' is empty; expected a name");
    }
    String dscSha256 = fields.text("dsc_sha256");
    if (root.has("dsc_sha256") && (dscSha256 == null || dscSha256.isBlank())) {
      throw new SourceLayoutException(file + ": field 'dsc_sha256' is empty; expected a sha256");
    }
    if (dscSha256 == null) {
      dscSha256 = fields.text("dsc_sha256sum");
    }
    Map<String, Download> dlFiles = new LinkedHashMap<>();
    JsonNode dlFilesNode = root.get("dl_files");
    if (dlFilesNode != null && !dlFilesNode.isNull()) {
      if (!dlFilesNode.isObject()) {
        throw new SourceLayoutException(
            file + ": field 'dl_files': expected file names mapped to url and checksum");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = dlFilesNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        dlFiles.put(
            entry.getKey(),
            download(file, "dl_files." + entry.getKey(), entry.getKey(), entry.getValue()));
      }
    }
    JsonNode dlPathNode = root.get("dl_path");
    Download dlPath = dlPathNode == null ? null : download(file, "dl_path", null, dlPathNode);
    if (dlPath != null && (dlPath.name() == null || dlPath.name().isBlank())) {
      throw new SourceLayoutException(file + ": field 'dl_path.name': expected the file name");
    }
    return new MetaData(
        debname,
        debver.strip(),
        fields.text("src_path"),
        root.has("src_path"),
        fields.textList("src_files"),
        dlPath,
        dlFiles,
        fields.text("archive"),
        dscSha256,
        fields.text("dl_hook"),
        root.path("serial").asBoolean(false),
        revision(file, root.get("revision")));
  }

  private static Download download(Path file, String field, String name, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new SourceLayoutException(
          file + ": field '" + field + "': expected url and sha256sum or md5sum");
    }
    Fields fields = new Fields(file, node, field + ".");
    return new Download(
        name != null ? name : fields.text("name"),
        fields.text("url"),
        fields.text("md5sum"),
        fields.text("sha256sum"),
        fields.text("topdir"),
        node.has("topdir"));
  }

  private static Revision revision(Path file, JsonNode node) {
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      throw new SourceLayoutException(
          file + ": field 'revision' is empty; expected dist and counters such as PKG_GITREVCOUNT");
    }
    Fields fields = new Fields(file, node, "revision.");
    Integer stxPatch = null;
    JsonNode patch = node.get("stx_patch");
    if (patch != null) {
      if (!patch.isInt()) {
        throw new SourceLayoutException(
            file
                + ": field 'revision.stx_patch': expected a whole number, got '"
                + patch.asText()
                + "'");
      }
      stxPatch = patch.intValue();
    }
    JsonNode src = node.get("SRC_GITREVCOUNT");
    if (src != null && !src.isNull() && !src.isObject()) {
      throw new SourceLayoutException(
          file + ": field 'revision.SRC_GITREVCOUNT': expected a mapping (SRC_BASE_SRCREV)");
    }
    JsonNode git = node.get("GITREVCOUNT");
    if (git != null && !git.isObject()) {
      throw new SourceLayoutException(
          file + ": field 'revision.GITREVCOUNT': expected a mapping with BASE_SRCREV");
    }
    Fields gitFields = git == null ? null : new Fields(file, git, "revision.GITREVCOUNT.");
    if (gitFields != null && gitFields.text("BASE_SRCREV") == null) {
      throw new SourceLayoutException(
          file + ": field 'revision.GITREVCOUNT.BASE_SRCREV' is missing; expected a commit");
    }
    List<String> files = null;
    if (node.has("FILES_GITREVCOUNT")) {
      files = fields.textList("FILES_GITREVCOUNT");
    }
    return new Revision(
        fields.text("dist"),
        node.has("PKG_GITREVCOUNT"),
        fields.text("PKG_BASE_SRCREV"),
        src != null,
        src == null || src.isNull() ? null : new Fields(file, src, "").text("SRC_BASE_SRCREV"),
        files,
        git != null,
        gitFields == null ? null : gitFields.text("SRC_DIR"),
        gitFields == null ? null : gitFields.text("BASE_SRCREV"),
        stxPatch);
  }

  /** Scalar fields as Python's str() shows them; a mapping where text is expected is refused. */
  private record Fields(Path file, JsonNode node, String prefix) {
    String text(String key) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isValueNode()) {
        throw new SourceLayoutException(
            file + ": field '" + prefix + key + "': expected a single value");
      }
      if (value.isFloatingPointNumber()) {
        return String.valueOf(value.doubleValue());
      }
      return value.asText();
    }

    List<String> textList(String key) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        return List.of();
      }
      if (!value.isArray()) {
        throw new SourceLayoutException(file + ": field '" + prefix + key + "': expected a list");
      }
      List<String> values = new ArrayList<>();
      for (JsonNode item : value) {
        if (item.isNull() || !item.isValueNode()) {
          throw new SourceLayoutException(
              file + ": field '" + prefix + key + "': expected a list of names");
        }
        values.add(item.asText());
      }
      return values;
    }
  }
}
