package hudson;

/** Compile-only declaration (type only: passed through, never called). */
public abstract class Launcher {
  private Launcher() {}
}
