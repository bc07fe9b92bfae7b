package org.starlingx.stxbuild.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code stx-build}: the command line over the engine. */
@Command(
    name = "stx-build",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Runs StarlingX Debian builds on Kubernetes or on this machine.",
    subcommands = {
      DemoCommand.class,
      PlanCommand.class,
      DownloadCommand.class,
      BuildCommand.class,
      DailyCommand.class,
      IsoCommand.class,
      HelmChartsCommand.class,
      ImagesCommand.class,
      WheelsCommand.class,
      DetectChangesCommand.class,
      RecordStatusCommand.class,
      PkgbuildCommand.class,
      PublishCommand.class,
      LogsCommand.class,
      RetentionCommand.class,
      TenantsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class StxBuildCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line with its exit codes: 0 done, 1 the work failed (the message says why, with no
   * stack trace), 2 the command was used wrongly.
   */
  static CommandLine commandLine() {
    return new CommandLine(new StxBuildCommand())
        .setExecutionStrategy(StxBuildCommand::refuseUnknownWords)
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> {
              commandLine.getErr().println("stx-build: " + e.getMessage());
              return 1;
            });
  }

  /**
   * With {@code --help} picocli stops checking the words it did not know, so {@code stx-build
   * nosuch --help} printed the top-level help and exited 0; an unknown word is always wrong usage.
   */
  private static int refuseUnknownWords(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult last = parseResult;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    if (!last.unmatched().isEmpty()) {
      String word = last.unmatched().get(0);
      boolean command = last.commandSpec().subcommands().isEmpty() ? false : !word.startsWith("-");
      throw new CommandLine.ParameterException(
          last.commandSpec().commandLine(),
          (command ? "Unknown command: '" : "Unknown option or argument: '") + word + "'");
    }
    return new CommandLine.RunLast().execute(parseResult);
  }
}
