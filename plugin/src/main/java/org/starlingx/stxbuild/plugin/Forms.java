package org.starlingx.stxbuild.plugin;

import hudson.util.FormValidation;
import java.util.Optional;
import org.starlingx.stxbuild.engine.config.ServiceSettingsCheck;

/** Turns an engine check's answer into the form validation Jenkins shows under a field. */
final class Forms {
  private Forms() {}

  static FormValidation of(Optional<ServiceSettingsCheck.Problem> problem) {
    if (problem.isEmpty()) {
      return FormValidation.ok();
    }
    return problem.get().error()
        ? FormValidation.error(problem.get().message())
        : FormValidation.warning(problem.get().message());
  }
}
