package org.sovecon.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "build", mixinStandardHelpOptions = true,
    description = {
      "Read the tables in data/, validate them (columns, values, references, SHACL shapes), convert them to RDF, "
          + "compute the inferences and load a new TDB2 store.",
      "The new store is built beside the one in use and swapped in only when complete; on any error the store in use is left as it was.",
      "A build ends with one line per stage: its wall time, the process's CPU time, and the most heap left in use after a garbage collection during it."
    })
final class BuildCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var cl = spec.commandLine();
    return Builds.build(project.layout(), cl.getOut(), cl.getErr()).isPresent() ? 0 : 1;
  }
}
