package org.starlingx.stxbuild.engine.schedule;

import java.util.Set;

/** One unit of work (a package build) and the tasks that must succeed before it. */
public record BuildTask(String id, Set<String> dependsOn) {
  public BuildTask {
    dependsOn = Set.copyOf(dependsOn);
  }
}
