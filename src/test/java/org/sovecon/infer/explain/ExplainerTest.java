package org.sovecon.infer.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.sovecon.infer.Materializer;
import org.sovecon.vocab.SOV;

/** The derivations the build records: one per inferred triple, by the expected rule, and never circular. */
class ExplainerTest {
  private static final String PREFIXES = """
      @prefix : <http://ex/> .
      @prefix owl: <http://www.w3.org/2002/07/owl#> .
      @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
      """;

  private static final String ONTOLOGY = """
      :partOf a owl:TransitiveProperty ; owl:inverseOf :hasPart .
      :opposed rdfs:subPropertyOf :tookPositionOn .
      :heldPost rdfs:domain :Actor .
      :servedIn owl:propertyChainAxiom ( :heldPost :postIn ) .
      :PlanningBody rdfs:subClassOf :StateOrgan . :StateOrgan rdfs:subClassOf :Organisation .
      """;

  private static final String DATA = """
      :presidium :partOf :ccc . :ccc :partOf :party . :party :partOf :system .
      :bukharin :opposed :collectivisation .
      :pyatakov :heldPost :osvok-chairman . :osvok-chairman :postIn :osvok .
      :gosplan a :PlanningBody .
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
  private final Explainer.Result result = Explainer.explain(ontology, asserted, inferred);

  @Test
  void everyInferredTripleHasOneDerivationByANamedRule() {
    assertEquals(inferred.size(), result.derivations().size());
    assertEquals(0, result.fallback(), () -> "left to 'entailed': " + result.derivations().values().stream()
        .filter(d -> d.rule() == InferenceRule.ENTAILED).map(Derivation::conclusion).toList());
  }

  @Test
  void rulesAndPremises() {
    Derivation chain = result.derivations().get(t("pyatakov", "servedIn", "osvok"));
    assertEquals(InferenceRule.PROPERTY_CHAIN, chain.rule());
    assertEquals(List.of(t("pyatakov", "heldPost", "osvok-chairman"), t("osvok-chairman", "postIn", "osvok")), chain.premises());

    Derivation sub = result.derivations().get(t("bukharin", "tookPositionOn", "collectivisation"));
    assertEquals(InferenceRule.SUB_PROPERTY, sub.rule());
    assertTrue(sub.premises().contains(t("bukharin", "opposed", "collectivisation")));

    assertEquals(InferenceRule.INVERSE, result.derivations().get(t("party", "hasPart", "ccc")).rule());
    assertEquals(InferenceRule.DOMAIN, result.derivations().get(t("pyatakov", "a", "Actor")).rule());
    assertEquals(InferenceRule.SUB_CLASS, result.derivations().get(t("gosplan", "a", "Organisation")).rule());
  }

  @Test
  void transitiveChainsAreAsShallowAsPossibleAndWellFounded() {
    Derivation d = result.derivations().get(t("presidium", "partOf", "party"));
    assertEquals(InferenceRule.TRANSITIVE, d.rule());
    assertEquals(1, d.depth(), "both premises are asserted");
    Derivation far = result.derivations().get(t("presidium", "partOf", "system"));
    assertEquals(2, far.depth(), "three asserted links need one inferred step");
    for (Derivation x : result.derivations().values())
      for (Triple p : x.premises()) {
        Derivation pd = result.derivations().get(p);
        assertTrue(pd == null ? asserted.contains(p) || ontology.contains(p) : pd.depth() < x.depth(),
            () -> x.conclusion() + " rests on " + p + ", which is neither given nor explained earlier");
      }
  }

  @Test
  void writtenAsReifiedTriples() {
    Graph out = ExplanationGraph.write(result, asserted);
    Node n = ExplanationGraph.node(t("pyatakov", "servedIn", "osvok"));
    assertTrue(out.contains(n, SOV.derivedBy, InferenceRule.PROPERTY_CHAIN.iri()));
    assertTrue(out.contains(n, RDF.subject.asNode(), n("pyatakov")));
    Node premise = ExplanationGraph.node(t("pyatakov", "heldPost", "osvok-chairman"));
    assertTrue(out.contains(n, SOV.premise, premise));
    assertTrue(out.contains(premise, RDF.object.asNode(), n("osvok-chairman")));
    assertEquals(ExplanationGraph.node(t("a", "b", "c")), ExplanationGraph.node(t("a", "b", "c")), "a triple's name is stable");
  }
}
