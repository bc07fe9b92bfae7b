package hudson;

import hudson.model.TaskListener;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** Compile-only declaration: starts processes on the node a step runs on. */
public abstract class Launcher {
  private Launcher() {}

  public final ProcStarter launch() {
    throw new UnsupportedOperationException("compile-only");
  }

  /** Compile-only declaration: the builder of one process launch. */
  public final class ProcStarter {
    private ProcStarter() {}

    public ProcStarter cmds(List<String> args) {
      throw new UnsupportedOperationException("compile-only");
    }

    public ProcStarter masks(boolean... masks) {
      throw new UnsupportedOperationException("compile-only");
    }

    public ProcStarter quiet(boolean quiet) {
      throw new UnsupportedOperationException("compile-only");
    }

    public ProcStarter pwd(FilePath workDir) {
      throw new UnsupportedOperationException("compile-only");
    }

    public ProcStarter stdout(OutputStream out) {
      throw new UnsupportedOperationException("compile-only");
    }

    public ProcStarter stdout(TaskListener out) {
      throw new UnsupportedOperationException("compile-only");
    }

    public ProcStarter envs(Map<String, String> overrides) {
      throw new UnsupportedOperationException("compile-only");
    }

    public int join() throws IOException, InterruptedException {
      throw new UnsupportedOperationException("compile-only");
    }
  }
}
