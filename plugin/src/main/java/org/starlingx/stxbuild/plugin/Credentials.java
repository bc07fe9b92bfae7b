package org.starlingx.stxbuild.plugin;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.starlingx.stxbuild.engine.images.RegistryLogin;

/** Credentials from the credentials plugin: listed in forms, resolved for a build. */
final class Credentials {
  private Credentials() {}

  /**
   * Username/password credentials visible from {@code item} (the global configuration when null),
   * for a user who may configure it; anyone else gets only the current value back, never the ids of
   * other credentials.
   */
  static ListBoxModel usernamePasswordItems(Item item, String current) {
    return list(item, current, StandardUsernamePasswordCredentials.class);
  }

  /** Registry credentials: a username/password or a secret file holding a docker config.json. */
  static ListBoxModel registryItems(Item item, String current) {
    return list(item, current, StandardUsernamePasswordCredentials.class, FileCredentials.class);
  }

  @SafeVarargs
  private static ListBoxModel list(
      Item item, String current, Class<? extends StandardCredentials>... types) {
    StandardListBoxModel model = new StandardListBoxModel();
    if (!mayList(item)) {
      model.includeCurrentValue(current);
      return model;
    }
    model.includeEmptyValue();
    for (Class<? extends StandardCredentials> type : types) {
      if (item == null) {
        model.includeMatchingAs(
            ACL.SYSTEM2, Jenkins.get(), type, List.of(), CredentialsMatchers.always());
      } else {
        model.includeMatchingAs(
            item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2,
            item,
            type,
            List.of(),
            CredentialsMatchers.always());
      }
    }
    model.includeCurrentValue(current);
    return model;
  }

  /**
   * Whether the current user may see which credentials exist: an administrator for the global
   * configuration, someone who may configure the job (or use its credentials) for a job's form.
   */
  static boolean mayList(Item item) {
    if (item == null) {
      return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
    }
    return item.hasPermission(Item.EXTENDED_READ)
        || item.hasPermission(CredentialsProvider.USE_ITEM);
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
    return list(item, current, FileCredentials.class);
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
