package org.starlingx.stxbuild.plugin;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.starlingx.stxbuild.engine.images.RegistryLogin;

/** Credentials from the credentials plugin: listed in forms, resolved for a build. */
final class Credentials {
  private Credentials() {}

  static ListBoxModel usernamePasswordItems(Item item, String current) {
    return new StandardListBoxModel()
        .includeEmptyValue()
        .includeMatchingAs(
            ACL.SYSTEM2,
            item,
            StandardUsernamePasswordCredentials.class,
            List.of(),
            CredentialsMatchers.always())
        .includeCurrentValue(current);
  }

  /** Registry credentials: a username/password or a secret file holding a docker config.json. */
  static ListBoxModel registryItems(Item item, String current) {
    return new StandardListBoxModel()
        .includeEmptyValue()
        .includeMatchingAs(
            ACL.SYSTEM2,
            item,
            StandardUsernamePasswordCredentials.class,
            List.of(),
            CredentialsMatchers.always())
        .includeMatchingAs(
            ACL.SYSTEM2, item, FileCredentials.class, List.of(), CredentialsMatchers.always())
        .includeCurrentValue(current);
  }

  /**
   * The registry login of credential {@code id}: a username/password for {@code registry}, or a
   * secret file whose content is a docker config.json (several registries, as docker login writes
   * it).
   */
  static RegistryLogin registryLogin(String id, String registry, Run<?, ?> run) throws IOException {
    StandardCredentials credentials =
        CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
    if (credentials instanceof StandardUsernamePasswordCredentials login) {
      return RegistryLogin.usernamePassword(
          registry, login.getUsername(), login.getPassword().getPlainText());
    }
    if (credentials instanceof FileCredentials file) {
      try (InputStream content = file.getContent()) {
        return RegistryLogin.dockerConfig(
            new String(content.readAllBytes(), StandardCharsets.UTF_8),
            "secret file credential '" + id + "' (" + file.getFileName() + ")");
      }
    }
    throw new AbortException(
        "registry credentials '"
            + id
            + "' "
            + (credentials == null ? "not found" : "are of an unsupported kind")
            + "; expected a username/password or a secret file holding a docker config.json");
  }

  /** Secret file credentials (an ISO signing key). */
  static ListBoxModel secretFileItems(Item item, String current) {
    return new StandardListBoxModel()
        .includeEmptyValue()
        .includeMatchingAs(
            ACL.SYSTEM2, item, FileCredentials.class, List.of(), CredentialsMatchers.always())
        .includeCurrentValue(current);
  }

  /** The content of secret file credential {@code id}. */
  static String secretFileContent(String id, Run<?, ?> run) throws IOException {
    FileCredentials file = CredentialsProvider.findCredentialById(id, FileCredentials.class, run);
    if (file == null) {
      throw new AbortException(
          "credentials '" + id + "' not found (expected a secret file credential)");
    }
    try (InputStream content = file.getContent()) {
      return new String(content.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The username and password of {@code id}, as the build's own permissions allow. */
  static StandardUsernamePasswordCredentials usernamePassword(String id, Run<?, ?> run)
      throws AbortException {
    StandardUsernamePasswordCredentials credentials =
        CredentialsProvider.findCredentialById(id, StandardUsernamePasswordCredentials.class, run);
    if (credentials == null) {
      throw new AbortException(
          "credentials '" + id + "' not found (expected a username/password credential)");
    }
    return credentials;
  }
}
