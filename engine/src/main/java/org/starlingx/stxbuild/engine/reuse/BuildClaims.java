package org.starlingx.stxbuild.engine.reuse;

import java.time.Duration;

/**
 * Claims on building a set of package inputs, kept by the repository service, so that concurrent
 * builds sharing a reuse scope build each package once: the first claims it, the others wait for
 * its record. A claim is a lease: one whose holder died without releasing it expires, and another
 * build takes it over.
 */
public interface BuildClaims {
  /** No coordination: every build builds what it cannot reuse. */
  BuildClaims NONE =
      new BuildClaims() {
        @Override
        public boolean claim(String fingerprint, String holder, Duration lease) {
          return true;
        }

        @Override
        public void release(String fingerprint, String holder) {}
      };

  /**
   * Claims building {@code fingerprint} for {@code holder}: true when it is now this holder's
   * (never claimed, released, or expired and taken over); false while another live holder has it.
   */
  boolean claim(String fingerprint, String holder, Duration lease);

  /** Gives the claim up (built, failed or aborted), if {@code holder} still holds it. */
  void release(String fingerprint, String holder);
}
