package org.sovecon.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.query.Dataset;
import org.sovecon.report.Citations;
import org.sovecon.report.Coverage;
import org.sovecon.report.Queries;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "coverage", mixinStandardHelpOptions = true,
    description = "For each source text, how many facts (statements, claims, observations) cite each window of lines; windows below --min are flagged.")
final class CoverageCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--window", defaultValue = "500", description = "Lines per window (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--min", defaultValue = "1", description = "Flag windows cited by fewer facts than this (default: ${DEFAULT-VALUE}).")
  int min;

  @Option(names = "--source", description = "Only this source id.")
  String source;

  @Option(names = "--json", description = "JSON: {\"<source>\": {\"window\": N, \"lines\": N, \"facts\": [n0, n1, …]}, …}")
  boolean json;

  @Override
  public Integer call() {
    if (window < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--window must be at least 1");
    Dataset ds = Stores.openForReading(project.layout(), spec.commandLine().getErr());
    Map<String, Integer> lines = new LinkedHashMap<>();
    Queries.select(ds, Queries.load("source-lines"), s -> {
      String id = s.getLiteral("source").getString();
      if (source == null || source.equals(id)) lines.put(id, s.getLiteral("lines").getInt());
    });
    if (source != null && lines.isEmpty()) {
      spec.commandLine().getErr().println("sovecon: no source '" + source + "'");
      return 1;
    }
    var coverage = Coverage.of(Citations.of(ds), lines, window);
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(JSON.toStringFlat(Coverage.toJson(coverage)));
    } else {
      coverage.forEach((id, sc) -> {
        int flagged = 0;
        out.printf("%s (%d lines, window %d)%n", id, sc.lines(), sc.window());
        for (int w = 0; w < sc.facts().length; w++) {
          int from = w * window + 1, to = Math.min((w + 1) * window, sc.lines());
          boolean low = sc.facts()[w] < min;
          if (low) flagged++;
          out.printf("  %6d-%-6d %5d%s%n", from, to, sc.facts()[w], low ? "   <- below " + min : "");
        }
        out.printf("  %d of %d windows below %d%n", flagged, sc.facts().length, min);
      });
    }
    out.flush();
    return 0;
  }
}
