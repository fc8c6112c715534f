package org.sovecon.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.sovecon.infer.Materializer;
import org.sovecon.infer.explain.ExplanationGraph;
import org.sovecon.infer.explain.Explainer;
import org.sovecon.infer.explain.InferenceRule;
import org.sovecon.vocab.SOV;
import org.sovecon.vocab.Std;

/**
 * The catalogued query queries/explain/0-why.rq (which `explain` and the entity pages run) on a small
 * store: the derivations the build stores and the hierarchy steps it leaves for the query to recompute.
 */
class ExplainWhyQueryTest {
  private static final String PREFIXES = """
      @prefix : <http://ex/> .
      @prefix owl: <http://www.w3.org/2002/07/owl#> .
      @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
      @prefix sov: <https://w3id.org/sovecon/ontology#> .
      @prefix prov: <http://www.w3.org/ns/prov#> .
      @prefix dcterms: <http://purl.org/dc/terms/> .
      """;

  private static final String ONTOLOGY = """
      :partOf a owl:TransitiveProperty ; owl:inverseOf :hasPart .
      :opposed rdfs:subPropertyOf :tookPositionOn .
      :heldPost rdfs:domain :Actor . :Actor rdfs:subClassOf :Agent . :sectionOf rdfs:subPropertyOf :partOf .
      :servedIn owl:propertyChainAxiom ( :heldPost :postIn ) .
      :PlanningBody rdfs:subClassOf :StateOrgan . :StateOrgan rdfs:subClassOf :Organisation .
      """;

  // Gosplan's type is cited by its own row; Bukharin's opposition by its statement node.
  private static final String DATA = """
      :presidium :partOf :ccc . :ccc :partOf :party . :party :partOf :system .
      :bukharin :opposed :collectivisation .
      :st1 sov:statementSubject :bukharin ; sov:statementProperty :opposed ; sov:statementValue :collectivisation ;
           prov:wasDerivedFrom :cit2 .
      :pyatakov :heldPost :osvok-chairman . :osvok-chairman :postIn :osvok .
      :gosplan a :PlanningBody ; prov:wasDerivedFrom :cit1 .
      :osvok :sectionOf :vsnkh .
      :cit1 sov:citedSource :src ; sov:lines "49" . :cit2 sov:citedSource :src ; sov:lines "2563-2566" .
      :src dcterms:identifier "bettelheim" .
      """;

  private static Graph ttl(String body) {
    Model m = ModelFactory.createDefaultModel();
    m.read(new StringReader(PREFIXES + body), null, "TTL");
    return m.getGraph();
  }

  private static Triple t(String s, String p, String o) {
    return Triple.create(n(s), p.equals("a") ? RDF.type.asNode() : n(p), n(o));
  }

  private static Node n(String local) {
    return NodeFactory.createURI("http://ex/" + local);
  }

  private final Graph ontology = ttl(ONTOLOGY), asserted = ttl(DATA);
  private final Graph inferred = Materializer.infer(ontology, asserted);
  private final Graph explanations = ExplanationGraph.write(Explainer.explain(ontology, asserted, inferred), asserted);
  private final Dataset ds = store();

  private Dataset store() {
    Dataset d = DatasetFactory.createTxnMem();
    d.executeWrite(() -> {
      d.asDatasetGraph().addGraph(SOV.graphOntology, ontology);
      d.asDatasetGraph().addGraph(SOV.graphAsserted, asserted);
      d.asDatasetGraph().addGraph(SOV.graphInferred, inferred);
      d.asDatasetGraph().addGraph(SOV.graphExplanations, explanations);
    });
    return d;
  }

  private boolean stored(Triple t) {
    return explanations.contains(ExplanationGraph.node(t), SOV.derivedBy, Node.ANY);
  }

  @Test
  void hierarchyStepsAreLeftOutAndTheOthersStoredWithoutCopiedCitations() {
    assertFalse(stored(t("gosplan", "a", "Organisation")));
    assertFalse(stored(t("bukharin", "tookPositionOn", "collectivisation")));
    assertTrue(stored(t("presidium", "partOf", "party")));
    assertTrue(stored(t("pyatakov", "servedIn", "osvok")));
    assertTrue(stored(t("pyatakov", "a", "Actor")));
    assertFalse(explanations.find(Node.ANY, Std.wasDerivedFrom, Node.ANY).hasNext(), "citations are reached through the statements");
    // A stored derivation's premise that is itself a left-out hierarchy step is still named, to be asked about.
    assertTrue(stored(t("vsnkh", "hasPart", "osvok")));
    Node premise = ExplanationGraph.node(t("osvok", "partOf", "vsnkh"));
    assertTrue(explanations.contains(ExplanationGraph.node(t("vsnkh", "hasPart", "osvok")), SOV.premise, premise));
    assertTrue(explanations.contains(premise, RDF.object.asNode(), n("vsnkh")));
    assertFalse(stored(t("osvok", "partOf", "vsnkh")));
  }

  @Test
  void everyInferredTripleGetsOneDerivationStoredOrRecomputed() {
    List<Triple> all = inferred.find().toList();
    Map<Triple, Explanations.Derivation> found = Explanations.derivations(ds, all);
    for (Triple t : all) {
      Explanations.Derivation d = found.get(t);
      assertTrue(d != null && !d.premises().isEmpty(), () -> "no derivation for " + t);
      assertFalse(d.rule().equals(InferenceRule.ENTAILED.iri()), () -> "unexplained: " + t);
      if (!stored(t)) assertTrue(d.rule().equals(InferenceRule.SUB_CLASS.iri()) || d.rule().equals(InferenceRule.SUB_PROPERTY.iri()), t::toString);
    }
    assertEquals(all.size(), found.size());
  }

  @Test
  void recomputedStepsNameTheirPremisesAndCitations() {
    Triple type = t("gosplan", "a", "Organisation");
    Explanations.Derivation d = Explanations.derivations(ds, List.of(type)).get(type);
    assertEquals(InferenceRule.SUB_CLASS.iri(), d.rule());
    // The stated type is preferred to the inferred gosplan a StateOrgan.
    assertEquals(Set.of(new Explanations.Premise(t("gosplan", "a", "PlanningBody"), Explanations.Kind.ASSERTED, List.of("bettelheim 49")),
        new Explanations.Premise(Triple.create(n("PlanningBody"), RDFS.subClassOf.asNode(), n("Organisation")), Explanations.Kind.INFERRED, List.of())),
        Set.copyOf(d.premises()));

    Triple sub = t("bukharin", "tookPositionOn", "collectivisation");
    Explanations.Derivation s = Explanations.derivations(ds, List.of(sub)).get(sub);
    assertEquals(InferenceRule.SUB_PROPERTY.iri(), s.rule());
    assertEquals(Set.of(new Explanations.Premise(t("bukharin", "opposed", "collectivisation"), Explanations.Kind.ASSERTED, List.of("bettelheim 2563-2566")),
        new Explanations.Premise(Triple.create(n("opposed"), RDFS.subPropertyOf.asNode(), n("tookPositionOn")), Explanations.Kind.AXIOM, List.of())),
        Set.copyOf(s.premises()));

    // An inferred type whose narrower type is inferred too rests on the stored one: Pyatakov is an agent because an actor (domain).
    Triple agent = t("pyatakov", "a", "Agent");
    Explanations.Derivation a = Explanations.derivations(ds, List.of(agent)).get(agent);
    assertTrue(a.premises().contains(new Explanations.Premise(t("pyatakov", "a", "Actor"), Explanations.Kind.INFERRED, List.of())), a::toString);
  }

  @Test
  void explainFollowsStoredAndRecomputedStepsDownToCitations() {
    String text = Explanations.of(ds, t("pyatakov", "a", "Agent")).orElseThrow().text();
    assertTrue(text.contains("inferred (sub-class") && text.contains("inferred (domain"), text);
    String nested = Explanations.of(ds, t("vsnkh", "hasPart", "osvok")).orElseThrow().text();
    assertTrue(nested.contains("inferred (inverse") && nested.contains("inferred (sub-property"), nested);
    String sub = Explanations.of(ds, t("bukharin", "tookPositionOn", "collectivisation")).orElseThrow().text();
    assertTrue(sub.contains("inferred (sub-property") && sub.contains("[stated: bettelheim 2563-2566]") && sub.contains("[axiom of the ontology]"), sub);
  }

  @Test
  void theQueryTakesTheTriplesAsItsValuesRows() {
    String q = Explanations.whyQuery(List.of(t("a", "b", "c"), t("d", "e", "f")));
    assertTrue(q.contains("(<http://ex/a> <http://ex/b> <http://ex/c>)\n    (<http://ex/d> <http://ex/e> <http://ex/f>)"), q);
    assertFalse(q.contains("sv:gosplan"), "the example rows are replaced");
  }
}
