package org.starlingx.stxbuild.engine.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RegistryLoginTest {
  @Test
  void aUsernameAndPasswordBecomeADockerConfigForThatRegistry() {
    RegistryLogin login = RegistryLogin.usernamePassword("reg.local:5000", "robot", "s3cr3t");
    String auth =
        Base64.getEncoder().encodeToString("robot:s3cr3t".getBytes(StandardCharsets.UTF_8));
    assertThat(login.dockerConfigJson())
        .isEqualTo("{\"auths\":{\"reg.local:5000\":{\"auth\":\"" + auth + "\"}}}");
    assertThat(login.registries()).containsExactly("reg.local:5000");
    assertThat(login.toString()).doesNotContain("s3cr3t").doesNotContain(auth);
  }

  @Test
  void aDockerConfigFileIsTakenAsItIs() {
    String file =
        "{\"auths\":{\"a.example\":{\"auth\":\"eDp5\"},\"b.example\":{\"auth\":\"ejp3\"}},"
            + "\"credHelpers\":{}}";
    RegistryLogin login = RegistryLogin.dockerConfig(file, "credential 'registry-config'");
    assertThat(login.dockerConfigJson()).isEqualTo(file);
    assertThat(login.registries()).containsExactlyInAnyOrder("a.example", "b.example");
    assertThat(login.secretValues()).containsExactlyInAnyOrder("eDp5", "ejp3");
  }

  @Test
  void aFileThatIsNotADockerConfigIsRefusedWithoutQuotingIt() {
    assertThatThrownBy(() -> RegistryLogin.dockerConfig("password=hunter2", "credential 'x'"))
        .hasMessageContaining("credential 'x' is not JSON")
        .hasMessageContaining("expected a docker config.json")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> RegistryLogin.dockerConfig("{\"hunter2\":1}", "credential 'x'"))
        .hasMessageContaining("has no \"auths\" entries")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> RegistryLogin.usernamePassword(" ", "u", "p"))
        .hasMessageContaining("the registry is not set");
  }
}
