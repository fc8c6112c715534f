package org.sovecon.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.sovecon.export.NetworkExport;
import org.sovecon.export.QuickStatementsExport;
import org.sovecon.export.RdfExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {
      "Write the whole graph (asserted, inferred and ontology) to FILE; the format follows the extension:",
      ".ttl, .nt, .rdf, .jsonld, .trig, .nq, … Formats with named graphs keep the three graphs apart.",
      ".gexf (Gephi) and .graphml (Cytoscape, yEd, NetworkX) write the network of entities and the facts linking them.",
      ".qs (or --format quickstatements) writes the facts about entities linked to Wikidata as QuickStatements V1, with references."
    })
final class ExportCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The file to write.")
  Path file;

  @CommandLine.Option(names = "--format", paramLabel = "FORMAT",
      description = "quickstatements: write QuickStatements V1 whatever FILE's extension (by default the extension decides).")
  String format;

  @Override
  public Integer call() throws Exception {
    var cl = spec.commandLine();
    if (format != null && !format.equals(QuickStatementsExport.FORMAT)) {
      cl.getErr().println("sovecon: unknown --format '" + format + "'; the one named format is " + QuickStatementsExport.FORMAT
          + " (other formats follow FILE's extension)");
      return 2;
    }
    if (format != null || QuickStatementsExport.isFor(file)) {
      var r = QuickStatementsExport.write(Stores.openForReading(project.layout(), cl.getErr()), file);
      cl.getOut().printf("wrote %d QuickStatements commands to %s (%d with no stated-in item; %d statements left out: date not exact)%n",
          r.lines(), file, r.withoutStatedIn(), r.skipped());
      return 0;
    }
    var network = NetworkExport.forFile(file);
    var format = RdfExport.formatFor(file);
    if (network.isEmpty() && format.isEmpty()) {
      cl.getErr().println("sovecon: no export format for '" + file.getFileName() + "'; use one of: "
          + RdfExport.supportedExtensions() + ", gexf, graphml, qs");
      return 2;
    }
    Dataset ds = Stores.openForReading(project.layout(), cl.getErr());
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
