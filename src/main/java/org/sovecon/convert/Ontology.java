package org.sovecon.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.sovecon.vocab.Namespaces;
import org.sovecon.vocab.Std;

/**
 * The ontology as the converter needs it: which names in the tables are classes and properties,
 * and what a property's values are. The tables name terms by local name ({@code partOf}); this class
 * is where such a name becomes {@code sov:partOf}.
 */
public final class Ontology {

  /** How a property's value is written in a table cell. */
  public enum ValueType { ENTITY, DATE, INTEGER, DECIMAL, TEXT }

  public record PropertyInfo(String name, Node iri, ValueType valueType) {}

  private final Graph graph;

  private Ontology(Graph graph) {
    this.graph = graph;
  }

  /** Reads every Turtle file under the ontology directory (the ontology and its alignments). */
  public static Ontology load(Path dir) throws IOException {
    Graph g = GraphFactory.createDefaultGraph();
    for (Path f : files(dir)) RDFDataMgr.read(g, f.toUri().toString());
    return new Ontology(g);
  }

  public static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
    }
  }

  public Graph graph() {
    return graph;
  }

  public Optional<Node> clazz(String name) {
    Node n = term(name);
    return graph.contains(n, Std.type, Std.owlClass) ? Optional.of(n) : Optional.empty();
  }

  public Optional<PropertyInfo> property(String name) {
    Node n = term(name);
    if (graph.contains(n, Std.type, Std.owlObjectProperty))
      return Optional.of(new PropertyInfo(name, n, ValueType.ENTITY));
    if (graph.contains(n, Std.type, Std.owlDatatypeProperty))
      return Optional.of(new PropertyInfo(name, n, literalType(n)));
    return Optional.empty();
  }

  /**
   * Dates have no declared range: xsd:gYear and xsd:gYearMonth are outside OWL 2's datatype map, so
   * a DL ontology cannot name them. A datatype property without a range therefore takes a date.
   */
  private ValueType literalType(Node property) {
    var it = graph.find(property, Std.rdfsRange, Node.ANY);
    try {
      if (!it.hasNext()) return ValueType.DATE;
      String range = it.next().getObject().toString();
      if (range.equals(Namespaces.XSD + "integer") || range.equals(Namespaces.XSD + "nonNegativeInteger")
          || range.equals(Namespaces.XSD + "positiveInteger")) return ValueType.INTEGER;
      if (range.equals(Namespaces.XSD + "decimal") || range.equals(Namespaces.XSD + "double")) return ValueType.DECIMAL;
      return ValueType.TEXT;
    } finally {
      it.close();
    }
  }

  /**
   * A controlled value (a role, a rank, a bound) by the code the tables write for it: the individual
   * of that class whose skos:notation is the code. One mechanism for every coded column.
   */
  public Optional<Node> code(Node clazz, String notation) {
    for (var it = graph.find(Node.ANY, Std.notation, NodeFactory.createLiteralString(notation)); it.hasNext(); ) {
      Node n = it.next().getSubject();
      if (graph.contains(n, Std.type, clazz)) return Optional.of(n);
    }
    return Optional.empty();
  }

  /** The codes a coded column accepts, sorted, for error messages. */
  public List<String> codes(Node clazz) {
    return graph.find(Node.ANY, Std.type, clazz).mapWith(t -> t.getSubject())
        .mapWith(n -> graph.find(n, Std.notation, Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).toList())
        .toList().stream().flatMap(List::stream).sorted().toList();
  }

  private static Node term(String name) {
    return NodeFactory.createURI(Namespaces.SOV + name);
  }
}
