package org.sovecon.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.sovecon.asof.AsOfFilter;
import org.sovecon.asof.Span;
import org.sovecon.export.Publication;
import org.sovecon.export.QuickStatementsExport;
import org.sovecon.export.RdfExport;
import org.sovecon.export.Selection;
import org.sovecon.export.network.Network;
import org.sovecon.export.network.NetworkFormat;
import org.sovecon.export.network.NetworkPreset;
import org.sovecon.export.network.NetworkReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {
      "Write the graph (asserted, inferred and ontology) to FILE; the format follows the extension:",
      ".ttl, .nt, .rdf, .jsonld, .trig, .nq, … Formats with named graphs keep the three graphs apart.",
      ".gexf (Gephi, dynamic), .graphml, .csv (FILE-nodes.csv and FILE-edges.csv) and .cyjs (Cytoscape.js)",
      "write a network of entities and the cited statements linking them (--network, --from, --to).",
      "--release DIR writes all of it, named after the version, with its VoID/DCAT description.",
      ".qs (or --format quickstatements) writes the facts about entities linked to Wikidata as QuickStatements V1, with references.",
      "The source texts' passages are never written: the texts are not ours to redistribute."
    })
final class ExportCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..1", description = "The file to write.")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "quickstatements: write QuickStatements V1 whatever FILE's extension (by default the extension decides).")
  String format;

  @Option(names = "--release", paramLabel = "DIR", description = "Write every dump, every network and the dataset description into DIR.")
  Path release;

  @Option(names = "--network", paramLabel = "NAME", defaultValue = "all",
      description = "Which network a network format writes: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      completionCandidates = PresetNames.class)
  String network;

  @Option(names = "--from", paramLabel = "YEAR|DATE", description = "Only edges dated on or after this day (a year means its 1 January); undated edges are left out.")
  String from;

  @Option(names = "--as-of", paramLabel = "DATE", description = "Write the graph as it stood on DATE (1927-12-01; 1927-12 or 1927 for a month or year): see docs/as-of.md.")
  String asOf;

  @Option(names = "--to", paramLabel = "YEAR|DATE", description = "Only edges dated on or before this day (a year means its 31 December); undated edges are left out.")
  String to;

  @Override
  public Integer call() throws Exception {
    var cl = spec.commandLine();
    if ((file == null) == (release == null)) {
      cl.getErr().println("sovecon: give either FILE or --release DIR");
      return 2;
    }
    if (format != null && !format.equals(QuickStatementsExport.FORMAT)) {
      cl.getErr().println("sovecon: unknown --format '" + format + "'; the one named format is " + QuickStatementsExport.FORMAT
          + " (other formats follow FILE's extension)");
      return 2;
    }
    if (file != null && (format != null || QuickStatementsExport.isFor(file))) {
      var r = QuickStatementsExport.write(Stores.openForReading(project.layout(), cl.getErr()), file);
      cl.getOut().printf("wrote %d QuickStatements commands to %s (%d with no stated-in item; %d statements left out: date not exact)%n",
          r.lines(), file, r.withoutStatedIn(), r.skipped());
      return 0;
    }
    var preset = NetworkPreset.byId(network);
    if (preset.isEmpty()) {
      cl.getErr().println("sovecon: no network '" + network + "'; use one of: " + NetworkPreset.ids());
      return 2;
    }
    LocalDate fromDay, toDay;
    try {
      fromDay = day(from, true);
      toDay = day(to, false);
    } catch (java.time.format.DateTimeParseException e) {
      cl.getErr().println("sovecon: --from and --to take a year (1921) or a day (1921-03-15): " + e.getParsedString());
      return 2;
    }
    var networkFormat = file == null ? java.util.Optional.<NetworkFormat>empty() : NetworkFormat.forFile(file);
    var rdfFormat = file == null ? java.util.Optional.<org.eclipse.rdf4j.rio.RDFFormat>empty() : RdfExport.formatFor(file);
    if (file != null && networkFormat.isEmpty() && rdfFormat.isEmpty()) {
      cl.getErr().println("sovecon: no export format for '" + file.getFileName() + "'; use one of: "
          + RdfExport.supportedExtensions() + ", " + NetworkFormat.extensions() + ", qs");
      return 2;
    }
    Dataset published = Selection.publishable().apply(Stores.openForReading(project.layout(), cl.getErr()));
    if (asOf != null) {
      var on = Span.parse(asOf);
      if (on.isEmpty()) throw new CommandLine.ParameterException(cl, "--as-of " + asOf + ": not a date; write 1927-12-01, 1927-12 or 1927");
      var filtered = AsOfFilter.apply(published, on.get());
      published = filtered.dataset();
      cl.getErr().printf("as of %s: left out %d dated statements, %d entities and %d inferred triples that did not hold then%n",
          asOf, filtered.removed().statements(), filtered.removed().entities(), filtered.removed().inferred());
    }
    if (release != null) {
      for (var o : Publication.write(published, release))
        cl.getOut().printf("%10d  %s%n", o.bytes(), o.file());
      return 0;
    }
    if (networkFormat.isPresent()) {
      Network n = preset.get().of(NetworkReader.read(published));
      if (fromDay != null || toDay != null)
        n = n.during(fromDay != null ? fromDay : LocalDate.MIN, toDay != null ? toDay : LocalDate.MAX);
      var written = networkFormat.get().write(n, file);
      cl.getOut().printf("wrote network '%s': %d nodes and %d edges %s to %s%n", n.name(), n.nodes().size(),
          n.edges().size(), n.edgesPerKind(), written.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(" and ")));
      return 0;
    }
    long n = RdfExport.write(published, file, rdfFormat.get());
    cl.getOut().printf("wrote %d statements to %s (%s)%n", n, file, rdfFormat.get().getName());
    return 0;
  }

  private static LocalDate day(String text, boolean start) {
    if (text == null) return null;
    if (text.matches("\\d{4}")) return start ? LocalDate.of(Integer.parseInt(text), 1, 1) : LocalDate.of(Integer.parseInt(text), 12, 31);
    return LocalDate.parse(text);
  }

  static final class PresetNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(NetworkPreset.values()).map(NetworkPreset::id).iterator();
    }
  }
}
