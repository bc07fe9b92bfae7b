package hudson;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/** Compile-only declaration. */
public final class FilePath implements Serializable {
  private static final long serialVersionUID = 1L;

  private FilePath() {}

  public String getRemote() {
    throw new UnsupportedOperationException("compile-only");
  }

  public FilePath child(String relOrAbsolute) {
    throw new UnsupportedOperationException("compile-only");
  }

  public void mkdirs() throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only");
  }

  public boolean exists() throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only");
  }

  public boolean delete() throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only");
  }

  public void deleteRecursive() throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only");
  }

  public void write(String content, String encoding) throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only");
  }

  public long length() throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only");
  }

  public InputStream readFromOffset(long offset) throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only");
  }

  public String readToString() throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only");
  }
}
