package org.starlingx.stxbuild.engine.packagebuild;

import org.starlingx.stxbuild.engine.schedule.TaskResult;

/** What a package build tells the person watching it. */
public interface BuildProgress {
  /** A line of news: a phase started, a count, where something went. */
  void note(String message);

  /** One package ended (built, reused, failed, skipped); {@code done} of {@code total}. */
  void packageDone(TaskResult result, int done, int total);

  BuildProgress SILENT =
      new BuildProgress() {
        @Override
        public void note(String message) {}

        @Override
        public void packageDone(TaskResult result, int done, int total) {}
      };
}
