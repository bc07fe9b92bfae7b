package hudson.model;

import hudson.EnvVars;
import java.io.IOException;

/** Compile-only declaration. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
    extends Actionable {
  Run() {}

  public JobT getParent() {
    throw new UnsupportedOperationException("compile-only");
  }

  public int getNumber() {
    throw new UnsupportedOperationException("compile-only");
  }

  public String getFullDisplayName() {
    throw new UnsupportedOperationException("compile-only");
  }

  public String getExternalizableId() {
    throw new UnsupportedOperationException("compile-only");
  }

  public String getUrl() {
    throw new UnsupportedOperationException("compile-only");
  }

  public Result getResult() {
    throw new UnsupportedOperationException("compile-only");
  }

  public void setResult(Result r) {
    throw new UnsupportedOperationException("compile-only");
  }

  public EnvVars getEnvironment(TaskListener listener) throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only");
  }
}
