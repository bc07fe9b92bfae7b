package hudson.console;

import java.io.IOException;
import java.io.OutputStream;

/** Compile-only declaration. */
public abstract class LineTransformationOutputStream extends OutputStream {
  protected abstract void eol(byte[] b, int len) throws IOException;

  @Override
  public void write(int b) throws IOException {
    throw new UnsupportedOperationException("compile-only");
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    throw new UnsupportedOperationException("compile-only");
  }

  @Override
  public void close() throws IOException {
    throw new UnsupportedOperationException("compile-only");
  }

  public void forceEol() throws IOException {
    throw new UnsupportedOperationException("compile-only");
  }

  protected String trimEOL(String line) {
    throw new UnsupportedOperationException("compile-only");
  }

  /** Compile-only declaration. */
  public abstract static class Delegating extends LineTransformationOutputStream {
    protected final OutputStream out;

    protected Delegating(OutputStream out) {
      this.out = out;
    }

    @Override
    public void flush() throws IOException {
      throw new UnsupportedOperationException("compile-only");
    }

    @Override
    public void close() throws IOException {
      throw new UnsupportedOperationException("compile-only");
    }
  }
}
