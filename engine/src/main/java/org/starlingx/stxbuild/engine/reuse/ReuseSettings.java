package org.starlingx.stxbuild.engine.reuse;

import java.util.Objects;

/**
 * How a build reuses earlier builds' packages.
 *
 * @param scope whose builds it takes from
 * @param maximum ignore {@code never_reuse.lst} ({@code build-pkgs --reuse_maximum})
 */
public record ReuseSettings(ReuseScope scope, boolean maximum) {
  public ReuseSettings {
    Objects.requireNonNull(scope, "reuse scope");
  }

  /** Every good build in the shared repository, except StarlingX's never_reuse packages. */
  public static ReuseSettings defaults() {
    return new ReuseSettings(ReuseScope.EVERYTHING, false);
  }
}
