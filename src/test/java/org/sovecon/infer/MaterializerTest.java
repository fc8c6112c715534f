package org.sovecon.infer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.Test;

/** One small golden case per OWL feature the build relies on; each asserts what is, and is not, inferred. */
class MaterializerTest {
  private static final String PREFIXES = """
      @prefix : <http://ex/> .
      @prefix owl: <http://www.w3.org/2002/07/owl#> .
      @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
      """;

  private static Graph ttl(String body) {
    Model m = ModelFactory.createDefaultModel();
    m.read(new StringReader(PREFIXES + body), null, "TTL");
    return m.getGraph();
  }

  private static Triple t(String s, String p, String o) {
    return Triple.create(n(s), n(p), n(o));
  }

  /** "a" stands for rdf:type, as in Turtle; every other name is in the example namespace. */
  private static Node n(String local) {
    if (local.equals("a")) return NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    return NodeFactory.createURI("http://ex/" + local);
  }

  @Test
  void subclass() {
    Graph inf = Materializer.infer(ttl(":Artel rdfs:subClassOf :Farm . :Farm rdfs:subClassOf :Org ."), ttl(":x a :Artel ."));
    assertTrue(inf.contains(t("x", "a", "Farm")));
    assertTrue(inf.contains(t("x", "a", "Org")));
    assertFalse(inf.contains(t("x", "a", "Artel")), "asserted triples are not repeated in the inferred graph");
  }

  @Test
  void subproperty() {
    Graph inf = Materializer.infer(ttl(":opposed rdfs:subPropertyOf :tookPositionOn ."), ttl(":bukharin :opposed :collectivisation ."));
    assertTrue(inf.contains(t("bukharin", "tookPositionOn", "collectivisation")));
  }

  @Test
  void inverse() {
    Graph inf = Materializer.infer(ttl(":partOf owl:inverseOf :hasPart ."), ttl(":osvok :partOf :vsnkh ."));
    assertTrue(inf.contains(t("vsnkh", "hasPart", "osvok")));
  }

  @Test
  void transitivePartOf() {
    Graph inf = Materializer.infer(ttl(":partOf a owl:TransitiveProperty ."), ttl(":osvok :partOf :presidium . :presidium :partOf :vsnkh ."));
    assertTrue(inf.contains(t("osvok", "partOf", "vsnkh")));
    assertFalse(inf.contains(t("vsnkh", "partOf", "osvok")));
  }

  @Test
  void domainAndRange() {
    Graph inf = Materializer.infer(ttl(":heldPost rdfs:domain :Person ; rdfs:range :Post ."), ttl(":p :heldPost :q ."));
    assertTrue(inf.contains(t("p", "a", "Person")));
    assertTrue(inf.contains(t("q", "a", "Post")));
  }

  @Test
  void sameAs() {
    Graph inf = Materializer.infer(ttl(""), ttl(":lenin owl:sameAs :ulyanov . :lenin :label :x ."));
    assertTrue(inf.contains(t("ulyanov", "label", "x")));
    assertFalse(inf.contains(Triple.create(n("lenin"), NodeFactory.createURI("http://www.w3.org/2002/07/owl#sameAs"), n("lenin"))),
        "reflexive sameAs is noise and left out");
  }

  @Test
  void propertyChain() {
    Graph inf = Materializer.infer(ttl(":servedIn owl:propertyChainAxiom ( :heldPost :postIn ) ."),
        ttl(":pyatakov :heldPost :chair . :chair :postIn :osvok ."));
    assertTrue(inf.contains(t("pyatakov", "servedIn", "osvok")));
  }

  @Test
  void disjointClassesDoNotFloodTheGraph() {
    Graph inf = Materializer.infer(ttl(":A owl:disjointWith :B ."), ttl(":a1 a :A . :a2 a :A . :b1 a :B ."));
    assertFalse(inf.contains(Triple.create(n("a1"), NodeFactory.createURI("http://www.w3.org/2002/07/owl#differentFrom"), n("b1"))));
  }
}
