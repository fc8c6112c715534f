package org.sovecon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./sovecon}: the command line of the knowledge graph. */
@Command(
    name = "sovecon",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A knowledge graph of the early Soviet economy (1917-1932): build it from the tables in data/, check it, query it, serve it.",
    subcommands = {
      ServeCommand.class, BuildCommand.class, ValidateCommand.class, QueryCommand.class,
      ExportCommand.class, StatsCommand.class, CoverageCommand.class, LoadtestCommand.class, LinkCommand.class,
      ExplainCommand.class, AuditCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(new Failures());
    return cl;
  }

  /** The pom's version, as the dumps and the dataset description carry it. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"sovecon " + org.sovecon.report.Release.version()};
    }
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
