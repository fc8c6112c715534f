package org.sovecon.check;

import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.sovecon.vocab.Std;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.sovecon.convert.OriginIndex;
import org.sovecon.table.Row;

/**
 * Runs the SHACL shapes over the converted graph and reports each violation at the row the focus
 * node came from, so a curator sees {@code file:line:column} and not an IRI.
 */
public final class ShapeCheck {
  private final Shapes shapes;

  public ShapeCheck(Path shapesFile) {
    this.shapes = Shapes.parse(RDFDataMgr.loadGraph(shapesFile.toUri().toString()));
  }

  /**
   * What the shapes see: the data plus the class hierarchy, so that sh:class follows
   * rdfs:subClassOf, plus the types of the ontology's controlled values (roles, ranks, bounds) that
   * the data points at; the ontology's own annotations are not data and are not checked. A view over
   * the data, not a copy of it (a copy was a second graph as large as the data, at x100 over a GiB):
   * the small graph is the left operand, the side whose matches Jena's {@link Union} remembers to drop
   * duplicates. ShapeCheckViewTest checks that SHACL reports the same on the view as on a copy.
   */
  public static Graph withSchema(Graph ontology, Graph data) {
    Graph schema = GraphFactory.createDefaultGraph();
    ontology.find(Node.ANY, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(schema::add);
    ontology.find(Node.ANY, Std.notation, Node.ANY).forEachRemaining(t ->
        ontology.find(t.getSubject(), Std.type, Node.ANY).forEachRemaining(schema::add));
    return new Union(schema, data);
  }

  public void check(Graph data, OriginIndex origins, ProblemReporter reporter) {
    ValidationReport report = ShaclValidator.get().validate(shapes, data);
    for (ReportEntry e : report.getEntries()) {
      String path = e.resultPath() == null ? "" : localName(e.resultPath().toString());
      String message = e.message() + (path.isEmpty() ? "" : " (" + path + ")");
      Problem.Severity sev = e.severity() == Severity.Violation ? Problem.Severity.ERROR : Problem.Severity.WARNING;
      // A value that breaks a property shape is best shown at the cell that stated it.
      if (e.resultPath() instanceof P_Link link && e.value() != null) {
        var cell = origins.origin(Triple.create(e.focusNode(), link.getNode(), e.value()));
        if (cell.isPresent()) {
          Row r = cell.get().row();
          reporter.report(new Problem(r.file(), r.line(), r.column(cell.get().column()), ProblemCode.SHAPE_VIOLATION, sev, message));
          continue;
        }
      }
      var origin = origins.origin(e.focusNode());
      if (origin.isPresent()) {
        Row r = origin.get();
        int column = r.column(path);
        reporter.report(new Problem(r.file(), r.line(), column, ProblemCode.SHAPE_VIOLATION, sev, message));
      } else {
        reporter.report(new Problem(null, 0, 0, ProblemCode.SHAPE_VIOLATION, sev, nodeText(e.focusNode()) + ": " + message));
      }
    }
  }

  private static String nodeText(Node n) {
    return n.isURI() ? "<" + n.getURI() + ">" : n.toString();
  }

  private static String localName(String pathText) {
    String s = pathText.replaceAll("[<>]", "");
    return s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('#')) + 1);
  }
}
