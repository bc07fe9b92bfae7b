package hudson.model;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Serializable;

/** Compile-only declaration. */
public interface TaskListener extends Serializable {
  PrintStream getLogger();

  default PrintWriter error(String msg) {
    throw new UnsupportedOperationException("compile-only");
  }
}
