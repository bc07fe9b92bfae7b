package org.starlingx.stxbuild.engine.daily;

/**
 * How one stage of the daily build ended: done, skipped (and why), failed, or planned (dry run).
 */
public record StageResult(String stage, String state, String detail) {}
