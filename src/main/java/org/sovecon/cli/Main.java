package org.sovecon.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./sovecon}: the command line of the knowledge graph. */
@Command(
    name = "sovecon",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A knowledge graph of the early Soviet economy (1917-1932): build it from the tables in data/, check it, query it, serve it.")
public final class Main implements Runnable {
  /**
   * The commands, in the order the usage lists them. A method, not a constant: {@link #main} starts
   * Jena's initialisation before anything loads picocli.
   */
  static List<Class<?>> commands() {
    return List.of(
        ServeCommand.class, BuildCommand.class, ValidateCommand.class, QueryCommand.class,
        ExportCommand.class, StatsCommand.class, CoverageCommand.class, LoadtestCommand.class, LinkCommand.class,
        ExplainCommand.class, AuditCommand.class,
        CommandLine.HelpCommand.class);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The command line with every command. */
  public static CommandLine commandLine() {
    return commandLine(commands());
  }

  /**
   * The command line for {@code args}: when they name a command, with that command alone, since picocli
   * reads every registered command's options by reflection as the command line is made (0.1-0.3 s of
   * a start for all of them); otherwise (no command, a typo, {@code help}, {@code --help}) with all.
   */
  static CommandLine commandLine(String[] args) {
    if (args.length > 0 && !args[0].equals("help"))
      for (Class<?> c : commands())
        if (c.getAnnotation(Command.class).name().equals(args[0])) return commandLine(List.of(c));
    return commandLine();
  }

  private static CommandLine commandLine(List<Class<?>> commands) {
    CommandLine cl = new CommandLine(new Main());
    for (Class<?> c : commands) cl.addSubcommand(c);
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
    // A server's start is mostly initialisation; Jena's runs on the second core meanwhile (JenaStart).
    if (args.length > 0 && args[0].equals("serve")) JenaStart.begin();
    System.exit(commandLine(args).execute(args));
  }
}
