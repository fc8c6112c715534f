package org.sovecon.cli;

import java.util.concurrent.Callable;
import org.apache.jena.atlas.json.JSON;
import org.sovecon.report.Stats;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Counts over the built store: triples (asserted, inferred), entities per class, facts, claims and observations per source, Wikidata links.")
final class StatsCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "One JSON object on one line (default: indented JSON).")
  boolean json;

  @Override
  public Integer call() {
    var stats = Stats.of(Stores.openForReading(project.layout(), spec.commandLine().getErr()));
    var out = spec.commandLine().getOut();
    if (json) out.println(JSON.toStringFlat(stats));
    else out.println(JSON.toString(stats));
    out.flush();
    return 0;
  }
}
