package org.starlingx.stxbuild.engine.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The fingerprint sees every content or name change and nothing else (not creation order). */
class SourceFingerprintProperties {

  @Property(tries = 40)
  void creationOrderDoesNotMatterButContentDoes(
      @ForAll @Size(min = 1, max = 6)
          Map<@AlphaChars @StringLength(min = 1, max = 8) String, String> files,
      @ForAll long shuffleSeed)
      throws IOException {
    Path a = Files.createTempDirectory("fp-a");
    Path b = Files.createTempDirectory("fp-b");
    List<String> names = new ArrayList<>(files.keySet());
    write(a, names, files);
    Collections.shuffle(names, new java.util.Random(shuffleSeed));
    write(b, names, files);
    String fa = SourceFingerprint.of(a, List.of("pkg"), List.of("debian_pkg_dirs"));
    assertThat(SourceFingerprint.of(b, List.of("pkg"), List.of("debian_pkg_dirs"))).isEqualTo(fa);

    String changed = names.get(0);
    Files.writeString(b.resolve("pkg").resolve(changed), files.get(changed) + "x");
    assertThat(SourceFingerprint.of(b, List.of("pkg"), List.of("debian_pkg_dirs")))
        .isNotEqualTo(fa);
  }

  @Property(tries = 20)
  void renamingAFileIsAChange(@ForAll @AlphaChars @StringLength(min = 1, max = 8) String name)
      throws IOException {
    Path a = Files.createTempDirectory("fp-r");
    Files.createDirectories(a.resolve("pkg"));
    Files.writeString(a.resolve("pkg").resolve(name), "same");
    String before = SourceFingerprint.of(a, List.of("pkg"), List.of());
    Files.move(a.resolve("pkg").resolve(name), a.resolve("pkg").resolve(name + "2"));
    assertThat(SourceFingerprint.of(a, List.of("pkg"), List.of())).isNotEqualTo(before);
  }

  @Property(tries = 5)
  void aDirectoryOutsideTheTreeIsRefused(
      @ForAll @AlphaChars @StringLength(min = 1, max = 5) String n) throws IOException {
    Path a = Files.createTempDirectory("fp-o");
    assertThatThrownBy(() -> SourceFingerprint.of(a, List.of("../" + n), List.of()))
        .hasMessageContaining("outside the source tree");
  }

  private static void write(Path root, List<String> names, Map<String, String> files)
      throws IOException {
    Files.createDirectories(root.resolve("pkg"));
    Files.writeString(root.resolve("debian_pkg_dirs"), "pkg\n");
    for (String name : names) {
      Files.writeString(root.resolve("pkg").resolve(name), files.get(name));
    }
  }
}
