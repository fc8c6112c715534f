package org.sovecon.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.sovecon.TestProjects;
import org.sovecon.convert.Ontology;

/**
 * The ontology passes ROBOT's report at its ERROR level: every query that ROBOT's default profile
 * ranks ERROR (duplicate labels, missing labels, several labels, a header without description,
 * title or licence...) finds nothing. The queries and the profile are read from ROBOT's own jar.
 */
class OntologyReportTest {

  @Test
  void robotReportFindsNoErrors() throws IOException {
    Graph g = GraphFactory.createDefaultGraph();
    for (var f : Ontology.files(TestProjects.repoRoot().resolve("ontology"))) RDFDataMgr.read(g, f.toUri().toString());
    List<String> errors = errorLevelChecks();
    assertTrue(errors.size() >= 15, "ROBOT's profile lists its ERROR checks: " + errors);
    List<String> found = new ArrayList<>();
    for (String check : errors) {
      String query = resource("report_queries/" + check + ".rq");
      try (QueryExecution qe = QueryExecution.model(ModelFactory.createModelForGraph(g)).query(query).build()) {
        qe.execSelect().forEachRemaining(row -> found.add(check + ": " + row));
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void aDuplicateLabelIsCaught() throws IOException {
    Graph g = GraphFactory.createDefaultGraph();
    Node label = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
    g.add(NodeFactory.createURI("urn:a"), label, NodeFactory.createLiteralLang("Post", "en"));
    g.add(NodeFactory.createURI("urn:b"), label, NodeFactory.createLiteralLang("Post", "en"));
    try (QueryExecution qe = QueryExecution.model(ModelFactory.createModelForGraph(g))
        .query(resource("report_queries/duplicate_label.rq")).build()) {
      assertTrue(qe.execSelect().hasNext());
    }
  }

  private static List<String> errorLevelChecks() throws IOException {
    List<String> checks = new ArrayList<>();
    for (String line : resource("report_profile.txt").split("\n")) {
      String[] parts = line.trim().split("\t");
      if (parts.length == 2 && parts[0].equals("ERROR")) checks.add(parts[1]);
    }
    return checks;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = OntologyReportTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) throw new IOException("not on the test classpath: " + name + " (robot-core)");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
