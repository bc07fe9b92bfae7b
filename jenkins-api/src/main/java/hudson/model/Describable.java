package hudson.model;

/** Compile-only declaration. */
public interface Describable<T extends Describable<T>> {
  default Descriptor<T> getDescriptor() {
    throw new UnsupportedOperationException("compile-only");
  }
}
