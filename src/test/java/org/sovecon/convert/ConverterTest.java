package org.sovecon.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.TestProjects;
import org.sovecon.build.GraphBuild;
import org.sovecon.check.ProblemReporter;
import org.sovecon.vocab.Namespaces;

/** The fixture tables, converted: the statement pattern, qualifiers, claims, citations, observations. */
class ConverterTest {
  @TempDir Path tmp;
  Model asserted;

  @BeforeEach
  void convert() {
    ProblemReporter.Collecting problems = ProblemReporter.collecting();
    GraphBuild.Result r = GraphBuild.create().project(TestProjects.fixture(tmp, null)).reporter(problems).infer(false).run();
    assertTrue(r.ok(), () -> problems.problems().toString());
    asserted = ModelFactory.createModelForGraph(r.asserted());
  }

  private boolean ask(String where) {
    try (QueryExecution qe = QueryExecution.model(asserted).query(Namespaces.sparqlPrologue() + "ASK { " + where + " }").build()) {
      return qe.execAsk();
    }
  }

  @Test
  void aFactIsATripleAndACitedStatement() {
    assertTrue(ask("sv:commission sov:partOf sv:council"));
    assertTrue(ask("""
        sv:commission p:partOf ?st . ?st a sov:Statement ; ps:partOf sv:council ;
          prov:wasDerivedFrom ?c . ?c sov:citedSource src:testsrc ; sov:startLine 10 ; sov:endLine 12 ; sov:lines "10-12" ."""));
  }

  @Test
  void qualifiersKeepPrecisionAndApproximation() {
    assertTrue(ask("""
        sv:chairman-a p:heldPost ?st . ?st ps:heldPost sv:commission-chair ;
          pq:start "1925"^^xsd:gYear ; pq:end "1927"^^xsd:gYear ; pq:approximate true ."""));
    assertTrue(ask("sv:commission sov:founded \"1925-03\"^^xsd:gYearMonth"));
  }

  @Test
  void aClaimIsReportedNotAsserted() {
    assertTrue(ask("?st a sov:AttributedClaim ; sov:claimedBy sv:historian ; ps:interpretation \"It worked on its own\""));
    assertFalse(ask("sv:commission sov:interpretation ?x"), "an attributed claim has no plain triple");
  }

  @Test
  void entitiesCarryLabelsInTheirLanguages() {
    assertTrue(ask("sv:council rdfs:label \"Supreme Council\"@en ; rdfs:label \"Высший совет\"@ru ; "
        + "skos:altLabel \"Vysshiy sovet\"@ru-Latn ; skos:altLabel \"SC\"@en ; a sov:EconomicOrgan , sov:Organisation"));
  }

  @Test
  void aPostColumnIsACitedFact() {
    assertTrue(ask("sv:commission-chair sov:postIn sv:commission ; p:postIn/prov:wasDerivedFrom/sov:startLine 7"));
  }

  @Test
  void observationsAreDataCube() {
    assertTrue(ask("""
        ?o a qb:Observation ; qb:dataSet <https://w3id.org/sovecon/dataset/trade-share> ; sov:refPeriod "1926/27" ;
          sov:periodStartYear 1926 ; sov:periodEndYear 1927 ; sov:obsValue 36.9 ; sov:unit "percent" ; sov:status "actual" ."""));
    assertTrue(ask("?o sov:refPeriod \"1928\" ; sov:status \"actual\""), "status defaults to actual");
  }

  @Test
  void identicalRowsGiveIdenticalIris() {
    ProblemReporter.Collecting problems = ProblemReporter.collecting();
    GraphBuild.Result again = GraphBuild.create().project(TestProjects.fixture(tmp.resolve("again"), null)).reporter(problems).infer(false).run();
    assertTrue(again.asserted().isIsomorphicWith(asserted.getGraph()));
    assertEquals(asserted.size(), again.asserted().size());
  }
}
