package org.sovecon.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.TestProjects;
import org.sovecon.build.GraphBuild;
import org.sovecon.vocab.Namespaces;

/**
 * Every property and class of ours that the repository's data uses is covered by a SHACL shape: the
 * property is a shape's path or target, the class (or a super-class) a shape's target or sh:class.
 */
class ShapeCoverageTest {
  @TempDir Path tmp;

  private static final String SH = "http://www.w3.org/ns/shacl#";

  @Test
  void everyTermInTheDataHasAShape() {
    ProblemReporter.Collecting problems = ProblemReporter.collecting();
    GraphBuild.Result r = GraphBuild.create().project(TestProjects.realData(tmp)).reporter(problems).infer(false).run();
    assertTrue(r.ok(), () -> problems.problems().toString());
    Graph shapes = RDFDataMgr.loadGraph(TestProjects.repoRoot().resolve("shapes/sovecon-shapes.ttl").toString());
    Set<Node> covered = new HashSet<>();
    for (String p : new String[] {"path", "targetSubjectsOf", "targetObjectsOf", "targetClass", "class"})
      shapes.find(Node.ANY, NodeFactory.createURI(SH + p), Node.ANY).forEachRemaining(t -> covered.add(t.getObject()));

    Set<String> uncovered = new TreeSet<>();
    r.asserted().find().forEachRemaining(t -> {
      Node p = t.getPredicate();
      if (p.isURI() && p.getURI().startsWith(Namespaces.SOV) && !covered.contains(p) && !isBookkeeping(p))
        uncovered.add("property " + p.getLocalName());
      if (p.equals(RDF.type.asNode()) && t.getObject().getURI().startsWith(Namespaces.SOV)
          && !coveredClass(t.getObject(), covered, r.ontology(), new HashSet<>()))
        uncovered.add("class " + t.getObject().getLocalName());
    });
    assertEquals(Set.of(), uncovered);
  }

  /** Notes and the statement bookkeeping on properties are annotations, not data to constrain. */
  private static boolean isBookkeeping(Node p) {
    return Set.of("note", "claimProperty", "statementValueProperty").contains(p.getLocalName());
  }

  private static boolean coveredClass(Node c, Set<Node> covered, Graph ontology, Set<Node> seen) {
    if (covered.contains(c)) return true;
    if (!seen.add(c)) return false;
    var it = ontology.find(c, RDFS.subClassOf.asNode(), Node.ANY);
    while (it.hasNext()) if (coveredClass(it.next().getObject(), covered, ontology, seen)) return true;
    return false;
  }
}
