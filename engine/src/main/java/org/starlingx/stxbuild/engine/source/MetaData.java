package org.starlingx.stxbuild.engine.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A package directory's {@code debian/meta_data.yaml}, as StarlingX writes it. Fields this project
 * does not use are kept out of the way, not refused.
 *
 * @param debname source package name (absent: the packaging's {@code Source:})
 * @param debver upstream version plus Debian revision, e.g. {@code 2.0.2-0}
 * @param srcPath in-tree sources, relative to the package directory
 * @param srcFiles extra files copied into the source, relative to the package directory
 * @param dlPath one upstream tarball
 * @param dlFiles several downloaded files, keyed by file name
 * @param archive a Debian archive directory holding {@code <debname>_<debver>.dsc}
 * @param dscSha256sum the {@code .dsc}'s sha256 (this project's addition: pins the source package;
 *     without it the {@code .dsc} is trusted as fetched and only the files it lists are checked)
 * @param revision how the version suffix is computed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetaData(
    String debname,
    String debver,
    @JsonProperty("src_path") String srcPath,
    @JsonProperty("src_files") List<String> srcFiles,
    @JsonProperty("dl_path") Download dlPath,
    @JsonProperty("dl_files") Map<String, Download> dlFiles,
    String archive,
    @JsonProperty("dsc_sha256sum") String dscSha256sum,
    Map<String, Object> revision) {

  public MetaData {
    srcFiles = srcFiles == null ? List.of() : List.copyOf(srcFiles);
    dlFiles = dlFiles == null ? Map.of() : new LinkedHashMap<>(dlFiles);
    revision = revision == null ? Map.of() : Map.copyOf(revision);
  }

  /**
   * One downloaded file.
   *
   * @param name the file name (for {@code dl_path}; {@code dl_files} use their key)
   * @param url where upstream serves it
   * @param md5sum or {@code sha256sum}: the checksum it must have
   * @param topdir the top directory inside an archive, if it is not the usual one
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Download(String name, String url, String md5sum, String sha256sum, String topdir) {}

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Reads a meta_data.yaml; errors name the file, the field and what was expected. */
  public static MetaData read(Path file) {
    try {
      MetaData meta =
          YAML.readValue(
              InputLimits.read(file, InputLimits.METADATA_BYTES, "meta_data.yaml"), MetaData.class);
      if (meta == null) {
        throw new SourceLayoutException(file + ": empty; expected debname, debver and a source");
      }
      return meta;
    } catch (JsonMappingException e) {
      String field =
          e.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      throw new SourceLayoutException(
          file
              + ": field '"
              + field
              + "': "
              + e.getOriginalMessage().replaceAll(" \\(for .*", "").replaceAll("\n.*", ""),
          e);
    } catch (IOException e) {
      throw new SourceLayoutException(file + ": not readable YAML: " + e.getMessage(), e);
    }
  }
}
