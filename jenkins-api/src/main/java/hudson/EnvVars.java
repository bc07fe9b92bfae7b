package hudson;

import java.util.Map;
import java.util.TreeMap;

/** Compile-only declaration. */
public class EnvVars extends TreeMap<String, String> {
  private static final long serialVersionUID = 1L;

  public EnvVars() {}

  public EnvVars(Map<String, String> m) {}

  public void override(String key, String value) {
    throw new UnsupportedOperationException("compile-only");
  }

  public String expand(String s) {
    throw new UnsupportedOperationException("compile-only");
  }
}
