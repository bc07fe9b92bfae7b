package org.starlingx.stxbuild.engine.repo.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.starlingx.stxbuild.engine.deb.BinaryPackageSpec;
import org.starlingx.stxbuild.engine.deb.DebArchiveBuilder;

/** Real {@code .deb} files for repository tests, built with dpkg-deb. */
public final class SamplePackages {
  private final DebArchiveBuilder builder;
  private final Path output;

  public SamplePackages(Path work) {
    this.builder = new DebArchiveBuilder(work.resolve("stage"));
    this.output = work.resolve("debs");
  }

  /** A package whose payload is {@code payloadBytes} bytes derived from its name and version. */
  public Path build(String name, String version, int payloadBytes) {
    byte[] payload = new byte[payloadBytes];
    byte[] seed = (name + version).getBytes(StandardCharsets.UTF_8);
    long state = java.util.Arrays.hashCode(seed);
    for (int i = 0; i < payload.length; i++) {
      state = state * 6364136223846793005L + 1442695040888963407L;
      payload[i] = (byte) (state >>> 56);
    }
    return builder.build(
        new BinaryPackageSpec(
            name,
            version,
            "amd64",
            "repository test package " + name,
            Map.of("/usr/share/" + name + "/payload", payload)),
        output.resolve(name + "-" + version));
  }

  /** {@code count} packages named {@code prefix-0 ... prefix-(count-1)}. */
  public List<Path> buildMany(String prefix, int count, int payloadBytes) {
    List<Path> debs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      debs.add(build(prefix + "-" + i, "1.0-1", payloadBytes));
    }
    return debs;
  }
}
