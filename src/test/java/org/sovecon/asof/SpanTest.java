package org.sovecon.asof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.Test;

/** How a statement's dates become the span it may hold over, by the EDTF bounds. */
class SpanTest {
  private static final String PREFIXES = """
      @prefix sov: <https://w3id.org/sovecon/ontology#> .
      @prefix pq: <https://w3id.org/sovecon/prop/qualifier/> .
      @prefix sv: <https://w3id.org/sovecon/id/> .
      @prefix st: <https://w3id.org/sovecon/statement/> .
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      """;

  private static Graph ttl(String body) {
    Model m = ModelFactory.createDefaultModel();
    m.read(new StringReader(PREFIXES + body), null, "TTL");
    return m.getGraph();
  }

  private static Span of(Graph g, String st) {
    return Span.of(g, NodeFactory.createURI("https://w3id.org/sovecon/statement/" + st)).orElseThrow();
  }

  private static Span day(String d) {
    return Span.ofDay(LocalDate.parse(d));
  }

  @Test
  void partialDatesAreReadByTheirBounds() {
    assertEquals(new Span(LocalDate.parse("1927-01-01"), LocalDate.parse("1927-12-31")), Span.parse("1927").orElseThrow());
    assertEquals(new Span(LocalDate.parse("1927-12-01"), LocalDate.parse("1927-12-31")), Span.parse("1927-12").orElseThrow());
    assertEquals(new Span(LocalDate.parse("1926-01-01"), LocalDate.parse("1927-12-31")), Span.parse("1926/1927").orElseThrow());
    assertTrue(Span.parse("December 1927").isEmpty());
  }

  @Test
  void startWithoutEndIsOpenUntilARemovalClosesIt() {
    Graph g = ttl("""
        st:a sov:statementSubject sv:kamenev ; sov:statementProperty sov:heldPost ; sov:statementValue sv:politburo-alternate ;
             pq:start "1926-01-01"^^xsd:date ; sov:earliest "1926-01-01"^^xsd:date ; sov:latest "1926-01-01"^^xsd:date .
        st:b sov:statementSubject sv:kamenev ; sov:statementProperty sov:removedFrom ; sov:statementValue sv:politburo-alternate ;
             pq:date "1926-10"^^xsd:gYearMonth ; sov:earliest "1926-10-01"^^xsd:date ; sov:latest "1926-10-31"^^xsd:date .
        st:c sov:statementSubject sv:stalin ; sov:statementProperty sov:heldPost ; sov:statementValue sv:general-secretary ;
             pq:start "1922"^^xsd:gYear ; sov:earliest "1922-01-01"^^xsd:date ; sov:latest "1922-12-31"^^xsd:date .
        st:d sov:statementSubject sv:tomsky ; sov:statementProperty sov:heldPost ; sov:statementValue sv:ctuc-chairman ;
             pq:end "1929-05-29"^^xsd:date ; sov:earliest "1929-05-29"^^xsd:date ; sov:latest "1929-05-29"^^xsd:date .
        st:e sov:statementSubject sv:rykov ; sov:statementProperty sov:heldPost ; sov:statementValue sv:sovnarkom-chairman ;
             pq:date "1927-12"^^xsd:gYearMonth ; sov:earliest "1927-12-01"^^xsd:date ; sov:latest "1927-12-31"^^xsd:date .
        st:f sov:statementSubject sv:x ; sov:statementProperty sov:partOf ; sov:statementValue sv:y .
        """);
    assertFalse(of(g, "a").overlaps(day("1927-12-01")), "closed by the removal in October 1926");
    assertTrue(of(g, "a").overlaps(day("1926-10-31")), "still possibly held on the removal's last possible day");
    assertTrue(of(g, "c").overlaps(day("1927-12-01")), "no end known: open");
    assertFalse(of(g, "c").overlaps(day("1921-12-31")));
    assertTrue(of(g, "d").overlaps(day("1925-01-01")), "no start known: open towards the past");
    assertFalse(of(g, "d").overlaps(day("1929-05-30")));
    assertTrue(of(g, "e").overlaps(day("1927-12-01")));
    assertFalse(of(g, "e").overlaps(day("1928-01-01")));
    assertTrue(of(g, "e").overlaps(Span.parse("1927").orElseThrow()), "at some time in 1927");
    assertTrue(Span.of(g, NodeFactory.createURI("https://w3id.org/sovecon/statement/f")).isEmpty(), "undated");
  }

  @Test
  void standingIsTheOneDecisionOfHoldsOnTheFilterAndThePages() {
    Graph g = ttl("""
        st:a sov:statementSubject sv:osvok ; sov:statementProperty sov:founded ; sov:statementValue sv:vsnkh ;
             pq:date "1925-03"^^xsd:gYearMonth ; sov:earliest "1925-03-01"^^xsd:date ; sov:latest "1925-03-31"^^xsd:date .
        st:b sov:statementSubject sv:osvok ; sov:statementProperty sov:partOf ; sov:statementValue sv:vsnkh .
        st:c sov:statementSubject sv:osvok ; sov:statementProperty sov:dissolved ; sov:statementValue sv:vsnkh ;
             pq:date "1930"^^xsd:gYear ; sov:earliest "1930-01-01"^^xsd:date ; sov:latest "1930-12-31"^^xsd:date .
        """);
    var a = NodeFactory.createURI("https://w3id.org/sovecon/statement/a");
    var b = NodeFactory.createURI("https://w3id.org/sovecon/statement/b");
    var c = NodeFactory.createURI("https://w3id.org/sovecon/statement/c");
    Span y1925 = Span.parse("1925").orElseThrow(), y1923 = Span.parse("1923").orElseThrow(), y1931 = Span.parse("1931-06-01").orElseThrow();
    assertEquals(Standing.HOLDS, Standing.of(g, a, y1925));
    assertEquals(Standing.NOT_IN_FORCE, Standing.of(g, a, y1923));
    assertEquals(Standing.UNDATED, Standing.of(g, b, y1923));
    assertEquals(AsOfFilter.Absence.NOT_YET, AsOfFilter.absence(g, a, Span.of(g, a), y1923).orElseThrow());
    assertTrue(AsOfFilter.absence(g, a, Span.of(g, a), y1925).isEmpty(), "founded during the year asked");
    assertEquals(AsOfFilter.Absence.NO_LONGER, AsOfFilter.absence(g, c, Span.of(g, c), y1931).orElseThrow());
    assertTrue(AsOfFilter.absence(g, b, Span.of(g, b), y1931).isEmpty(), "an undated statement says nothing of existence");
  }
}
