package org.sovecon.cli;

import java.util.concurrent.Callable;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.sovecon.report.Explanations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {
      "Say why the graph holds the triple S P O: the rule and premises of an inferred triple, down to the",
      "asserted facts and the source lines they cite. Prefixed names (sv:, sov:, …), <IRIs> and literals are accepted;",
      "'a' stands for rdf:type. Example: ./sovecon explain sv:pyatakov sov:servedIn sv:osvok"
    })
final class ExplainCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "S") String s;
  @Parameters(index = "1", paramLabel = "P") String p;
  @Parameters(index = "2", paramLabel = "O") String o;

  @Override
  public Integer call() {
    var cl = spec.commandLine();
    Triple t;
    try {
      t = Explanations.parse(s, p, o);
    } catch (IllegalArgumentException e) {
      cl.getErr().println("sovecon: " + e.getMessage());
      return 2;
    }
    Dataset ds = Stores.openForReading(project.layout(), cl.getErr());
    var why = Explanations.of(ds, t);
    if (why.isEmpty()) {
      cl.getErr().println("sovecon: the graph does not hold " + s + " " + p + " " + o + " (neither stated nor inferred)");
      return 1;
    }
    cl.getOut().print(why.get().text());
    cl.getOut().flush();
    return 0;
  }
}
