package org.starlingx.stxbuild.engine.exec;

import java.util.List;

/** An external program that could not be started or exited with a non-zero status. */
public final class CommandFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> command;
  private final int exitCode;

  public CommandFailedException(List<String> command, int exitCode, String output) {
    super("'" + String.join(" ", command) + "' failed (exit " + exitCode + "): " + output.strip());
    this.command = List.copyOf(command);
    this.exitCode = exitCode;
  }

  public List<String> command() {
    return command;
  }

  public int exitCode() {
    return exitCode;
  }
}
