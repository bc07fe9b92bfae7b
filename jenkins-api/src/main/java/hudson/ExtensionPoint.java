package hudson;

/** Compile-only declaration (marker interface). */
public interface ExtensionPoint {}
