package hudson.util;

import java.util.ArrayList;

/** Compile-only declaration. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
  private static final long serialVersionUID = 1L;

  public ListBoxModel() {}

  public void add(String displayName, String value) {
    throw new UnsupportedOperationException("compile-only");
  }

  public ListBoxModel add(String nameAndValue) {
    throw new UnsupportedOperationException("compile-only");
  }

  /** Compile-only declaration. */
  public static final class Option {
    public String name;
    public String value;
    public boolean selected;

    public Option(String name, String value) {
      throw new UnsupportedOperationException("compile-only");
    }

    public Option(String name, String value, boolean selected) {
      throw new UnsupportedOperationException("compile-only");
    }
  }
}
