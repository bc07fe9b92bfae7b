package org.starlingx.stxbuild.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Credential lists in forms: someone who may not configure (the global configuration, or the job)
 * learns no credential id from any fill method, and the methods answer POST only.
 */
@WithJenkins
class FormPermissionsTest {
  static final String PULP = "pulp-admin-secret-id";
  static final String KEY = "iso-signing-key-id";

  /** Every fill method of the plugin, by the URL the form calls it at. */
  static final List<String> JOB_FILLS =
      List.of(
          "job/p/descriptorByName/" + StxBuildIsoBuilder.class.getName(),
          "job/p/descriptorByName/" + StxDailyBuildBuilder.class.getName(),
          "job/p/descriptorByName/" + StxBuildIsoStep.class.getName(),
          "job/p/descriptorByName/" + StxDailyBuildStep.class.getName());

  static final String GLOBAL = "descriptorByName/" + StxBuildConfiguration.class.getName();

  JenkinsRule j;

  @BeforeEach
  void setUp(JenkinsRule rule) throws Exception {
    j = rule;
    j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
    j.jenkins.setAuthorizationStrategy(
        new MockAuthorizationStrategy()
            .grant(Jenkins.ADMINISTER)
            .everywhere()
            .to("admin")
            .grant(Jenkins.READ, Item.READ)
            .everywhere()
            .to("reader"));
    SystemCredentialsProvider.getInstance()
        .getCredentials()
        .add(
            new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, PULP, "pulp", "admin", "secret"));
    SystemCredentialsProvider.getInstance()
        .getCredentials()
        .add(
            new FileCredentialsImpl(
                CredentialsScope.GLOBAL,
                KEY,
                "signing key",
                "key.asc",
                SecretBytes.fromBytes(
                    "-----BEGIN PGP PRIVATE KEY BLOCK-----".getBytes(StandardCharsets.UTF_8))));
    SystemCredentialsProvider.getInstance().save();
    FreeStyleProject p = j.createFreeStyleProject("p");
    p.save();
  }

  private Page post(String user, String path) throws Exception {
    JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
    wc.login(user);
    WebRequest request = new WebRequest(new URL(j.getURL(), path), HttpMethod.POST);
    return wc.getPage(wc.addCrumb(request));
  }

  private String answer(String user, String path) throws Exception {
    return post(user, path).getWebResponse().getContentAsString();
  }

  @Test
  void anAdministratorSeesTheCredentials() throws Exception {
    assertThat(answer("admin", GLOBAL + "/fillPulpCredentialsIdItems")).contains(PULP);
    assertThat(answer("admin", GLOBAL + "/fillRegistryCredentialsIdItems")).contains(PULP, KEY);
    for (String descriptor : JOB_FILLS) {
      assertThat(answer("admin", descriptor + "/fillSigningKeyCredentialsIdItems"))
          .as(descriptor)
          .contains(KEY);
    }
  }

  @Test
  void aUserWhoMayNotConfigureLearnsNoCredentialId() throws Exception {
    for (String path :
        List.of(
            GLOBAL + "/fillPulpCredentialsIdItems", GLOBAL + "/fillRegistryCredentialsIdItems")) {
      assertThat(answer("reader", path)).as(path).doesNotContain(PULP).doesNotContain(KEY);
    }
    for (String descriptor : JOB_FILLS) {
      assertThat(answer("reader", descriptor + "/fillSigningKeyCredentialsIdItems"))
          .as(descriptor)
          .doesNotContain(KEY)
          .doesNotContain(PULP);
    }
  }

  @Test
  void theFillMethodsAnswerPostOnly() throws Exception {
    JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
    wc.login("admin");
    for (String path :
        List.of(
            GLOBAL + "/fillPulpCredentialsIdItems",
            JOB_FILLS.get(0) + "/fillSigningKeyCredentialsIdItems",
            JOB_FILLS.get(2) + "/fillSigningKeyCredentialsIdItems")) {
      Page page = wc.goTo(path, null);
      // Stapler does not dispatch a GET to a @POST method at all
      assertThat(page.getWebResponse().getStatusCode()).as(path).isIn(404, 405);
      assertThat(page.getWebResponse().getContentAsString()).doesNotContain(KEY, PULP);
    }
  }
}
