package org.sovecon.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.RDFWriterRegistry;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;
import org.sovecon.vocab.Namespaces;

/**
 * Writes the store to a file through RDF4J Rio; the format follows the file's extension, looked up
 * in Rio's writer registry. Formats with named graphs (TriG, N-Quads, JSON-LD, TriX) keep the
 * asserted, inferred and ontology graphs apart; the others get all triples in one graph.
 */
public final class RdfExport {
  private RdfExport() {}

  public static Optional<RDFFormat> formatFor(Path file) {
    return Rio.getWriterFormatForFileName(file.getFileName().toString());
  }

  /** The extensions Rio can write, for the error message on an unknown one. */
  public static String supportedExtensions() {
    return RDFWriterRegistry.getInstance().getKeys().stream()
        .flatMap(f -> f.getFileExtensions().stream())
        .distinct().sorted().collect(Collectors.joining(", "));
  }

  /** @return the number of statements written */
  public static long write(Dataset ds, Path file, RDFFormat format) throws IOException {
    ValueFactory vf = SimpleValueFactory.getInstance();
    long[] n = {0};
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    try (OutputStream out = Files.newOutputStream(file)) {
      RDFWriter w = Rio.createWriter(format, out);
      w.getWriterConfig().set(BasicWriterSettings.PRETTY_PRINT, true);
      w.startRDF();
      Namespaces.prefixes().getNsPrefixMap().forEach(w::handleNamespace);
      Txn.executeRead(ds, () -> {
        var it = ds.asDatasetGraph().find();
        while (it.hasNext()) {
          Quad q = it.next();
          Resource g = format.supportsContexts() ? vf.createIRI(q.getGraph().getURI()) : null;
          w.handleStatement(vf.createStatement((Resource) value(vf, q.getSubject()), (IRI) value(vf, q.getPredicate()),
              value(vf, q.getObject()), g));
          n[0]++;
        }
      });
      w.endRDF();
    }
    return n[0];
  }

  static Value value(ValueFactory vf, Node n) {
    if (n.isURI()) return vf.createIRI(n.getURI());
    if (n.isBlank()) return vf.createBNode(n.getBlankNodeLabel());
    String lang = n.getLiteralLanguage();
    if (lang != null && !lang.isEmpty()) return vf.createLiteral(n.getLiteralLexicalForm(), lang);
    String dt = n.getLiteralDatatypeURI();
    if (dt == null || dt.equals(XSDDatatype.XSDstring.getURI())) return vf.createLiteral(n.getLiteralLexicalForm());
    return vf.createLiteral(n.getLiteralLexicalForm(), vf.createIRI(dt));
  }

  public static List<String> graphFormats() {
    return List.of("trig", "nq", "jsonld", "trix");
  }
}
