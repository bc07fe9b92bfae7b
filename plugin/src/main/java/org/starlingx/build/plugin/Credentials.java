package org.starlingx.build.plugin;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;

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
