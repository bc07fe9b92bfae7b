package org.starlingx.stxbuild.engine.change;

import java.util.Optional;
import org.starlingx.stxbuild.engine.status.BuildRecord;

/**
 * Whether a build is needed, and why, in words a build log can show.
 *
 * @param needBuild true when the build must run
 * @param reason why, for the log
 * @param fingerprint the sources' fingerprint now, to record with the build
 * @param lastGood the build compared against, when there was one
 */
public record ChangeDecision(
    boolean needBuild, String reason, String fingerprint, Optional<BuildRecord> lastGood) {}
