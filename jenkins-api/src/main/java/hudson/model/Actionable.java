package hudson.model;

/** Compile-only declaration. */
public abstract class Actionable {
  Actionable() {}

  public void addAction(Action a) {
    throw new UnsupportedOperationException("compile-only");
  }

  public boolean removeAction(Action a) {
    throw new UnsupportedOperationException("compile-only");
  }

  public <T extends Action> T getAction(Class<T> type) {
    throw new UnsupportedOperationException("compile-only");
  }
}
