package org.sovecon.cli;

import java.util.concurrent.Callable;
import org.sovecon.build.GraphBuild;
import org.sovecon.check.ProblemReporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check the tables and report every problem as file:line:column: code: message. Exits 1 when there is an error. Builds nothing.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var cl = spec.commandLine();
    var layout = project.layout();
    ProblemReporter.Collecting problems = ProblemReporter.collecting();
    GraphBuild.Result r = GraphBuild.create().project(layout).reporter(problems).infer(false).run();
    Problems.print(problems, layout, cl.getErr());
    if (!r.ok()) {
      cl.getErr().println(problems.errorCount() + " error(s)");
      return 1;
    }
    cl.getOut().printf("ok: %d entities, %d facts, %d observations%n", r.index().entities().size(), r.facts(), r.observations());
    return 0;
  }
}
