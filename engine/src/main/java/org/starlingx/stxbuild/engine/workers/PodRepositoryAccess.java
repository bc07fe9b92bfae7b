package org.starlingx.stxbuild.engine.workers;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.LinkedHashMap;
import java.util.Map;
import org.starlingx.stxbuild.engine.repo.SessionNames;

/**
 * How a build pod reaches the build's repository session: the session's names, Pulp's URLs and user
 * as plain environment variables, and the password from a Kubernetes Secret (never in the pod spec
 * itself).
 *
 * @param session the build's repository session
 * @param pulpUrl the Pulp API as pods reach it
 * @param pulpContentUrl the Pulp content app as pods reach it
 * @param pulpUser the Pulp user
 * @param passwordSecret the Secret in the build namespace holding the password under {@code
 *     password}
 */
public record PodRepositoryAccess(
    SessionNames session,
    String pulpUrl,
    String pulpContentUrl,
    String pulpUser,
    String passwordSecret) {

  Map<String, String> environment(Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>(extra);
    env.put("STX_REPO_BRANCH", session.branch());
    env.put("STX_REPO_SESSION", session.session());
    env.put("STX_PULP_URL", pulpUrl);
    env.put("STX_PULP_CONTENT_URL", pulpContentUrl);
    env.put("STX_PULP_USER", pulpUser);
    return env;
  }

  void addPasswordFromSecret(Pod pod) {
    EnvVar password =
        new EnvVarBuilder()
            .withName("STX_PULP_PASSWORD")
            .withNewValueFrom()
            .withNewSecretKeyRef()
            .withName(passwordSecret)
            .withKey("password")
            .endSecretKeyRef()
            .endValueFrom()
            .build();
    pod.getSpec().getContainers().get(0).getEnv().add(password);
  }
}
