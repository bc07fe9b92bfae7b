package org.starlingx.stxbuild.engine.packagebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a package must build with one make job: {@code serial: true} in its {@code
 * meta_data.yaml}, which StarlingX's build-pkgs reads to build it with {@code -j1}.
 */
public final class SerialBuild {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SerialBuild() {}

  public static boolean of(Path metaFile) {
    if (metaFile == null || !Files.isRegularFile(metaFile)) {
      return false;
    }
    try {
      JsonNode serial = YAML.readTree(metaFile.toFile()).path("serial");
      return serial.isBoolean()
          ? serial.booleanValue()
          : serial.isTextual() && serial.textValue().strip().equalsIgnoreCase("true");
    } catch (IOException e) {
      // The reader already refused a malformed file; here it only means "not serial".
      return false;
    }
  }
}
