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

  @picocli.CommandLine.Option(names = "--mentions", description = "Also check that each fact's cited lines (±2) name its subject or object; needs the source texts. Prints the rate and every miss.")
  boolean mentions;

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
    if (mentions) {
      var texts = org.sovecon.convert.SourceTexts.at(layout.sourcesDir());
      if (texts == null) {
        cl.getErr().println("sovecon: --mentions needs the source texts (--sources DIR)");
        return 1;
      }
      var result = org.sovecon.check.MentionCheck.run(org.sovecon.table.Inputs.read(layout.dataDir(), ProblemReporter.collecting()), r.index(), texts);
      for (var m : result.misses())
        cl.getOut().printf("%s:%d: the cited lines %s name neither '%s' nor '%s'%s%n", layout.root().relativize(m.row().file()), m.row().line(),
            m.row().get("lines"), m.subject(), m.object(), m.row().has("note") ? " (note: " + m.row().get("note") + ")" : "");
      cl.getOut().printf("mentions: %d of %d facts (%.1f%%) name their subject or object in the cited lines ±%d%n",
          result.mentioned(), result.checked(), 100 * result.rate(), org.sovecon.check.MentionCheck.SLACK);
    }
    return 0;
  }
}
