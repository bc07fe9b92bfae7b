package hudson.tasks;

/** Compile-only declaration (type only; its methods are implemented by Builder upstream). */
public interface BuildStep {}
