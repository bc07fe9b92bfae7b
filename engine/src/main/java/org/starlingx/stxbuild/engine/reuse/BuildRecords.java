package org.starlingx.stxbuild.engine.reuse;

import java.util.Collection;
import java.util.Optional;

/**
 * Build records kept by the repository service (Pulp, or the local repository for one machine),
 * never only on a worker's disk: a build in a fresh pod, or another user's build, finds them.
 */
public interface BuildRecords {
  /** A repository that keeps no records: nothing is reused across work directories. */
  BuildRecords NONE =
      new BuildRecords() {
        @Override
        public Optional<BuildRecord> find(
            String sourcePackage,
            String fingerprint,
            ReuseScope scope,
            String line,
            String project) {
          return Optional.empty();
        }

        @Override
        public void save(Collection<BuildRecord> records) {}
      };

  /**
   * A good earlier build of {@code sourcePackage} with exactly these inputs, within {@code scope}
   * of the asking line and project; the own line's record first.
   */
  Optional<BuildRecord> find(
      String sourcePackage, String fingerprint, ReuseScope scope, String line, String project);

  /** Records a good build's packages. */
  void save(Collection<BuildRecord> records);
}
