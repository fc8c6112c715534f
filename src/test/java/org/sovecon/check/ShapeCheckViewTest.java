package org.sovecon.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.TestProjects;
import org.sovecon.build.GraphBuild;
import org.sovecon.vocab.Std;

/**
 * SHACL reports the same on {@link ShapeCheck#withSchema}'s view (the schema beside the data) as on a
 * copy of both in one graph, which is what the build checked before: same entries, same number of each.
 * The repository's data passes its shapes, so the data is first broken: one thing in seven loses a
 * type, which sh:class catches only by following the class hierarchy, on the view's other side (as are
 * the types of the controlled values the statements point at).
 */
class ShapeCheckViewTest {
  @TempDir Path tmp;

  @Test
  void theViewGivesTheReportOfACopy() {
    ProblemReporter.Collecting problems = ProblemReporter.collecting();
    GraphBuild.Result r = GraphBuild.create().project(TestProjects.realData(tmp)).reporter(problems).infer(false).run();
    assertTrue(r.ok(), () -> problems.problems().toString());
    Graph data = GraphFactory.createDefaultGraph();
    r.asserted().find().forEachRemaining(data::add);
    List<Triple> types = data.find(Node.ANY, Std.type, Node.ANY).toList();
    for (int i = 0; i < types.size(); i += 7) data.delete(types.get(i));

    Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(TestProjects.repoRoot().resolve("shapes/sovecon-shapes.ttl").toString()));
    Graph view = ShapeCheck.withSchema(r.ontology(), data);
    // The graph the build used to check: the class hierarchy, the controlled values' types and the data, copied.
    Graph copy = GraphFactory.createDefaultGraph();
    r.ontology().find(Node.ANY, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(copy::add);
    r.ontology().find(Node.ANY, Std.notation, Node.ANY).forEachRemaining(t ->
        r.ontology().find(t.getSubject(), Std.type, Node.ANY).forEachRemaining(copy::add));
    data.find().forEachRemaining(copy::add);

    List<String> onView = entries(ShaclValidator.get().validate(shapes, view).getEntries());
    List<String> onCopy = entries(ShaclValidator.get().validate(shapes, copy).getEntries());
    assertTrue(onCopy.size() > 100, "the broken data should break many shapes, found " + onCopy.size());
    assertEquals(onCopy, onView);
    assertEquals(copy.size(), view.size(), "the view counts each triple once");
  }

  private static List<String> entries(java.util.Collection<ReportEntry> entries) {
    List<String> out = new ArrayList<>();
    for (ReportEntry e : entries)
      out.add(e.focusNode() + " | " + e.resultPath() + " | " + e.value() + " | " + e.severity() + " | "
          + e.sourceConstraintComponent() + " | " + e.message());
    out.sort(null);
    return out;
  }
}
