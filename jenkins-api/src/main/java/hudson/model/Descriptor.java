package hudson.model;

/** Compile-only declaration. */
public abstract class Descriptor<T extends Describable<T>> {
  public final transient Class<? extends T> clazz;

  protected Descriptor(Class<? extends T> clazz) {
    this.clazz = clazz;
  }

  protected Descriptor() {
    this.clazz = null;
  }

  public String getDisplayName() {
    throw new UnsupportedOperationException("compile-only");
  }

  public String getId() {
    throw new UnsupportedOperationException("compile-only");
  }

  public String getConfigPage() {
    throw new UnsupportedOperationException("compile-only");
  }

  @SuppressWarnings("rawtypes")
  protected void addHelpFileRedirect(
      String fieldName, Class<? extends Describable> owner, String fieldNameToRedirectTo) {
    throw new UnsupportedOperationException("compile-only");
  }

  public synchronized void save() {
    throw new UnsupportedOperationException("compile-only");
  }

  public synchronized void load() {
    throw new UnsupportedOperationException("compile-only");
  }
}
