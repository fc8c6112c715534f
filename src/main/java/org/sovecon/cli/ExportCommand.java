package org.sovecon.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.sovecon.asof.AsOfFilter;
import org.sovecon.asof.Span;
import org.sovecon.export.NetworkExport;
import org.sovecon.export.RdfExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {
      "Write the whole graph (asserted, inferred and ontology) to FILE; the format follows the extension:",
      ".ttl, .nt, .rdf, .jsonld, .trig, .nq, … Formats with named graphs keep the three graphs apart.",
      ".gexf (Gephi) and .graphml (Cytoscape, yEd, NetworkX) write the network of entities and the facts linking them."
    })
final class ExportCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The file to write.")
  Path file;

  @CommandLine.Option(names = "--as-of", paramLabel = "DATE", description = "Write the graph as it stood on DATE (1927-12-01; 1927-12 or 1927 for a month or year): see docs/as-of.md.")
  String asOf;

  @Override
  public Integer call() throws Exception {
    var cl = spec.commandLine();
    var network = NetworkExport.forFile(file);
    var format = RdfExport.formatFor(file);
    if (network.isEmpty() && format.isEmpty()) {
      cl.getErr().println("sovecon: no export format for '" + file.getFileName() + "'; use one of: "
          + RdfExport.supportedExtensions() + ", gexf, graphml");
      return 2;
    }
    Dataset ds = Stores.openForReading(project.layout(), cl.getErr());
    if (asOf != null) {
      var on = Span.parse(asOf);
      if (on.isEmpty()) throw new CommandLine.ParameterException(cl, "--as-of " + asOf + ": not a date; write 1927-12-01, 1927-12 or 1927");
      var filtered = AsOfFilter.apply(ds, on.get());
      ds = filtered.dataset();
      cl.getErr().printf("as of %s: left out %d dated statements, %d entities and %d inferred triples that did not hold then%n",
          asOf, filtered.removed().statements(), filtered.removed().entities(), filtered.removed().inferred());
    }
    if (network.isPresent()) {
      int[] counts = network.get().write(ds, file);
      cl.getOut().printf("wrote %d nodes and %d edges to %s (%s)%n", counts[0], counts[1], file, network.get().extension());
      return 0;
    }
    long n = RdfExport.write(ds, file, format.get());
    cl.getOut().printf("wrote %d statements to %s (%s)%n", n, file, format.get().getName());
    return 0;
  }
}
