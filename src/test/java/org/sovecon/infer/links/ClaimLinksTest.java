package org.sovecon.infer.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.Test;
import org.sovecon.check.ProblemCode;
import org.sovecon.check.ProblemReporter;
import org.sovecon.table.Row;
import org.sovecon.vocab.SOV;

/** Computed and curated links between claims, and when two confirmations are one testimony. */
class ClaimLinksTest {
  private static final String DATA = """
      @prefix sov: <https://w3id.org/sovecon/ontology#> .
      @prefix sv: <https://w3id.org/sovecon/id/> .
      @prefix st: <https://w3id.org/sovecon/statement/> .
      @prefix src: <https://w3id.org/sovecon/source/> .
      @prefix cit: <https://w3id.org/sovecon/citation/> .
      @prefix prov: <http://www.w3.org/ns/prov#> .
      @prefix dcterms: <http://purl.org/dc/terms/> .
      src:bettelheim a sov:Source ; dcterms:creator sv:bettelheim .
      src:conrad-1997 a sov:Source ; dcterms:creator sv:jack-conrad .
      src:conrad-first-plan a sov:Source ; dcterms:creator sv:jack-conrad ; sov:restates src:conrad-1997 .
      <https://w3id.org/sovecon/citation/bettelheim/8047> sov:citedSource src:bettelheim .
      <https://w3id.org/sovecon/citation/conrad-first-plan/106> sov:citedSource src:conrad-first-plan .
      <https://w3id.org/sovecon/citation/conrad-1997/27> sov:citedSource src:conrad-1997 .
      st:b sov:statementSubject sv:conf ; sov:statementProperty sov:startDate ; sov:statementValue "1929-04-26" ;
           prov:wasDerivedFrom <https://w3id.org/sovecon/citation/bettelheim/8047> .
      st:c sov:statementSubject sv:conf ; sov:statementProperty sov:startDate ; sov:statementValue "1929-04-23" ;
           prov:wasDerivedFrom <https://w3id.org/sovecon/citation/conrad-first-plan/106> .
      st:d sov:statementSubject sv:conf ; sov:statementProperty sov:startDate ; sov:statementValue "1929-04-23" ;
           prov:wasDerivedFrom <https://w3id.org/sovecon/citation/conrad-1997/27> .
      st:e sov:statementSubject sv:conf ; sov:statementProperty sov:about ; sov:statementValue sv:x ;
           prov:wasDerivedFrom <https://w3id.org/sovecon/citation/bettelheim/8047> .
      st:f sov:statementSubject sv:conf ; sov:statementProperty sov:about ; sov:statementValue sv:y ;
           prov:wasDerivedFrom <https://w3id.org/sovecon/citation/conrad-1997/27> .
      """;

  private static Graph graph() {
    Model m = ModelFactory.createDefaultModel();
    m.read(new StringReader(DATA), null, "TTL");
    return m.getGraph();
  }

  private static Node st(String s) {
    return NodeFactory.createURI("https://w3id.org/sovecon/statement/" + s);
  }

  private static boolean independent(Graph links, Node from, Node to) {
    Node link = links.find(Node.ANY, SOV.linkFrom, from).toList().stream().map(t -> t.getSubject())
        .filter(n -> links.contains(n, SOV.linkTo, to)).findFirst().orElseThrow();
    return Boolean.parseBoolean(links.find(link, SOV.independent, Node.ANY).next().getObject().getLiteralLexicalForm());
  }

  @Test
  void computedLinks() {
    Graph links = ClaimLinks.compute(graph(), List.of(), ProblemReporter.collecting());
    assertTrue(links.contains(st("b"), SOV.contradicts, st("c")), "a date takes one value: two values contradict");
    assertTrue(links.contains(st("c"), SOV.contradicts, st("b")));
    assertTrue(independent(links, st("b"), st("c")), "Bettelheim and Conrad are different authors");
    assertTrue(links.contains(st("c"), SOV.corroborates, st("d")));
    assertFalse(independent(links, st("c"), st("d")), "two texts by Conrad are one testimony");
    assertFalse(links.contains(st("e"), SOV.contradicts, st("f")), "sov:about takes many values: no contradiction");
  }

  @Test
  void curatedLinksAndTheirErrors() {
    List<String> header = List.of("subject", "property", "source", "lines", "other_source", "other_lines", "kind", "reason");
    Row good = new Row(Path.of("data/claim-links.csv"), 2, header, List.of("conf", "about", "bettelheim", "8047", "conrad-1997", "27", "contradicts", "rival readings"));
    Row noClaim = new Row(Path.of("data/claim-links.csv"), 3, header, List.of("conf", "about", "bettelheim", "9999", "conrad-1997", "27", "contradicts", "x"));
    Row badKind = new Row(Path.of("data/claim-links.csv"), 4, header, List.of("conf", "about", "bettelheim", "8047", "conrad-1997", "27", "refutes", "x"));
    var problems = ProblemReporter.collecting();
    Graph links = ClaimLinks.compute(graph(), List.of(good, noClaim, badKind), problems);
    assertTrue(links.contains(st("e"), SOV.contradicts, st("f")));
    assertEquals(List.of(ProblemCode.UNKNOWN_REFERENCE, ProblemCode.BAD_VALUE), problems.problems().stream().map(p -> p.code()).toList());
    assertEquals(List.of(3L, 4L), problems.problems().stream().map(p -> p.line()).toList());
  }
}
