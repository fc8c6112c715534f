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
  void wikidataLinksAreExactOrCloseAndTheEvidenceStaysInTheTable() {
    assertTrue(ask("sv:chairman-a skos:exactMatch <http://www.wikidata.org/entity/Q4115189>"));
    assertTrue(ask("sv:historian skos:closeMatch <http://www.wikidata.org/entity/Q13406268>"));
    assertFalse(ask("sv:historian skos:exactMatch ?any"), "a broader item is not an exact match");
    assertFalse(ask("?s ?p ?o FILTER(CONTAINS(STR(?o), \"sandbox\"))"), "the evidence is for curators, not the graph");
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
  void aRoleAtAnEventIsAQualifiedParticipation() {
    assertTrue(ask("""
        ?st pq:role sov:VotedAgainst ; pq:regarding sv:reform-motion ; sov:statementSubject sv:chairman-a ;
          ps:participatedIn sv:council-plenum-1926 ; pq:date "1926-10"^^xsd:gYearMonth ;
          sov:earliest "1926-10-01"^^xsd:date ; sov:latest "1926-10-31"^^xsd:date ."""));
  }

  @Test
  void aClaimNamesTheWorkItWasStatedIn() {
    assertTrue(ask("?st a sov:AttributedClaim ; sov:claimedBy sv:chairman-a ; sov:statedIn sv:chairman-speech ; "
        + "ps:interpretation \"The commission was doing well\""));
    assertTrue(ask("sv:chairman-speech sov:deliveredAt sv:council-plenum-1926"));
  }

  @Test
  void ranksOrderVersionsAndADeprecatedOneIsNotAsserted() {
    assertTrue(ask("?st ps:startDate \"1926-10-04\"^^xsd:date ; sov:rank sov:PreferredRank ; sov:rankReason sov:MorePrecise"));
    assertTrue(ask("?st ps:startDate \"1926-10-14\"^^xsd:date ; sov:rank sov:DeprecatedRank ; sov:rankReason sov:Misprint"));
    assertTrue(ask("sv:council-plenum-1926 sov:startDate \"1926-10-04\"^^xsd:date"));
    assertFalse(ask("sv:council-plenum-1926 sov:startDate \"1926-10-14\"^^xsd:date"), "a deprecated version has no plain triple");
    assertTrue(ask("?st ps:partOf sv:council ; sov:rank sov:NormalRank"), "every statement has a rank, normal by default");
  }

  @Test
  void aSpanStaysASpan() {
    assertTrue(ask("sv:council-plenum-1926 sov:date \"1926/1927\"^^<http://id.loc.gov/datatypes/edtf/EDTF-level0>"));
    assertTrue(ask("?st ps:date ?d ; sov:earliest \"1926-01-01\"^^xsd:date ; sov:latest \"1927-12-31\"^^xsd:date"));
  }

  @Test
  void aFigureKeepsItsBoundAndAllItsSubjects() {
    assertTrue(ask("?o sov:obsValue ?v ; sov:valueBound sov:MoreThan ; sov:refSubject sv:commission , sv:council FILTER(?v = 40)"));
  }

  @Test
  void everyStatementNamesItsValueAndEveryEntityOneDisplayLabel() {
    assertTrue(ask("?st sov:statementSubject sv:commission ; sov:statementProperty sov:partOf ; sov:statementValue sv:council"));
    assertTrue(ask("sv:council sov:displayLabel \"Supreme Council\"@en"));
    assertTrue(ask("sv:decree-1926 sov:amends sv:commission"));
  }

  @Test
  void identicalRowsGiveIdenticalIris() {
    ProblemReporter.Collecting problems = ProblemReporter.collecting();
    GraphBuild.Result again = GraphBuild.create().project(TestProjects.fixture(tmp.resolve("again"), null)).reporter(problems).infer(false).run();
    assertTrue(again.asserted().isIsomorphicWith(asserted.getGraph()));
    assertEquals(asserted.size(), again.asserted().size());
  }
}
