package org.starlingx.build.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code stx-build}: the command line over the engine. */
@Command(
    name = "stx-build",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Runs StarlingX Debian builds on Kubernetes or on this machine.",
    subcommands = {DemoCommand.class, CommandLine.HelpCommand.class})
public final class StxBuildCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new StxBuildCommand()).execute(args));
  }
}
