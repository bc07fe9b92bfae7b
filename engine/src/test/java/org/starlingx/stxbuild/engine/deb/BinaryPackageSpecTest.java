package org.starlingx.stxbuild.engine.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BinaryPackageSpecTest {

  @Test
  void fileNameFollowsDebianConventionWithoutEpoch() {
    assertThat(spec("hello", "2:1.0-1", "amd64").fileName()).isEqualTo("hello_1.0-1_amd64.deb");
    assertThat(spec("hello", "1.0-1", "all").fileName()).isEqualTo("hello_1.0-1_all.deb");
  }

  @Test
  void refusesBadFieldsNamingTheInputAndWhatWasExpected() {
    assertThatThrownBy(() -> spec("Bad_Name", "1.0", "all"))
        .hasMessageContaining("package name 'Bad_Name'")
        .hasMessageContaining("expected lower-case letters");
    assertThatThrownBy(() -> spec("ok", "one", "all"))
        .hasMessageContaining("version 'one'")
        .hasMessageContaining("Debian version");
    assertThatThrownBy(() -> spec("ok", "1.0", "x86 64")).hasMessageContaining("architecture");
  }

  @Test
  void refusesPathsThatLeaveThePackage() {
    assertThatThrownBy(
            () ->
                new BinaryPackageSpec(
                    "ok", "1.0", "all", "d", Map.of("/usr/../../etc/passwd", new byte[0])))
        .hasMessageContaining("'/usr/../../etc/passwd'")
        .hasMessageContaining("absolute without '..'");
    assertThatThrownBy(
            () -> new BinaryPackageSpec("ok", "1.0", "all", "d", Map.of("relative", new byte[0])))
        .hasMessageContaining("must be absolute");
  }

  @Test
  void refusesMultiLineDescription() {
    assertThatThrownBy(() -> new BinaryPackageSpec("ok", "1.0", "all", "a\nb", Map.of()))
        .hasMessageContaining("one non-empty line");
  }

  private static BinaryPackageSpec spec(String name, String version, String arch) {
    return new BinaryPackageSpec(name, version, arch, "test", Map.of());
  }
}
