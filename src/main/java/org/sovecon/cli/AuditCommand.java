package org.sovecon.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.sovecon.report.Audit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {
      "The fidelity audit: print a reproducible sample of the graph's cited statements, each beside the lines it",
      "cites (when the texts are at hand), record a reviewer's marks in a CSV file, and sum the marks up as an",
      "error rate. Mark with --mark st:ID=ok|wrong|unsure (repeatable) and --note."
    })
final class AuditCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--size", defaultValue = "20", description = "How many statements to sample (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--seed", defaultValue = "1", description = "The sample's seed: the same data and seed give the same sample (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--marks", description = "The marks file (default: ROOT/audit/marks.csv).")
  Path marks;

  @Option(names = "--mark", paramLabel = "STATEMENT=MARK", description = "Record a mark: ok, wrong or unsure.")
  List<String> newMarks = List.of();

  @Option(names = "--note", description = "A note kept with the marks given by --mark.")
  String note = "";

  @Option(names = "--summary", description = "Print only the summary of the marks.")
  boolean summaryOnly;

  @Override
  public Integer call() throws Exception {
    var cl = spec.commandLine();
    var layout = project.layout();
    Path file = marks != null ? marks : layout.root().resolve("audit/marks.csv");
    for (String m : newMarks) {
      int eq = m.lastIndexOf('=');
      Audit.Mark mark;
      try {
        mark = Audit.Mark.valueOf(eq < 0 ? "" : m.substring(eq + 1).trim());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, "--mark " + m + ": write STATEMENT=ok, STATEMENT=wrong or STATEMENT=unsure");
      }
      Audit.mark(file, m.substring(0, eq).trim(), mark, note);
    }
    Dataset ds = Stores.openForReading(layout, cl.getErr());
    var out = cl.getOut();
    List<Audit.Marked> marked;
    try {
      marked = Audit.readMarks(file);
    } catch (IllegalArgumentException e) {
      cl.getErr().println("sovecon: " + e.getMessage());
      return 1;
    }
    if (!summaryOnly) {
      var byStatement = new java.util.HashMap<String, Audit.Marked>();
      marked.forEach(m -> byStatement.put(m.statement(), m));
      for (Audit.Item i : Audit.sample(ds, size, seed, layout.sourcesDir())) {
        out.printf("[%d] %s%n    %s%n    cites %s%n", i.n(), i.statement(), i.words(), i.citation());
        if (i.text().isPresent()) for (String line : i.text().get()) out.println("    | " + line);
        else out.println("    (the text is not at hand)");
        Audit.Marked m = byStatement.get(i.statement());
        out.println(m == null ? "    mark: (none yet)" : "    mark: " + m.mark() + (m.note().isEmpty() ? "" : " (" + m.note() + ")"));
      }
      out.println();
    }
    out.println(Audit.summary(marked, Audit.statements(ds)).text() + "  [" + file + "]");
    out.flush();
    return 0;
  }
}
