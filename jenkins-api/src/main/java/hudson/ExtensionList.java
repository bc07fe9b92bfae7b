package hudson;

import java.util.AbstractList;

/** Compile-only declaration. */
public class ExtensionList<T> extends AbstractList<T> {
  private ExtensionList() {}

  public <U extends T> U get(Class<U> type) {
    throw new UnsupportedOperationException("compile-only");
  }

  @Override
  public T get(int index) {
    throw new UnsupportedOperationException("compile-only");
  }

  @Override
  public int size() {
    throw new UnsupportedOperationException("compile-only");
  }

  public static <T> ExtensionList<T> lookup(Class<T> type) {
    throw new UnsupportedOperationException("compile-only");
  }

  public static <U> U lookupSingleton(Class<U> type) {
    throw new UnsupportedOperationException("compile-only");
  }
}
