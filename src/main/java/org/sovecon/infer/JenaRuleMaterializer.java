package org.sovecon.infer;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.InfGraph;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.OWL2;

/**
 * The build's inference as it was before {@link Materializer}: Jena's rule engine in hybrid mode over
 * the whole graph. The rules are Jena's OWL Micro set (class and property hierarchies, domains and
 * ranges, inverses, transitive and symmetric properties), the OWL 2 RL equality rules for owl:sameAs
 * ({@code equality.rules}), and one rule per {@code owl:propertyChainAxiom}: Jena's OWL rules cover
 * neither. Kept as the reference the streaming materializer is tested against, and for the schema
 * alone ({@link #closure}), where it is small. Its queues hold every matching triple, so it does not
 * fit a 4 GiB heap at x100.
 *
 * <pre>
 *   Graph inferred = JenaRuleMaterializer.infer(ontologyGraph, assertedGraph);
 * </pre>
 */
final class JenaRuleMaterializer {
  private JenaRuleMaterializer() {}

  private static final String OWL_MICRO_RULES = "etc/owl-fb-micro.rules";

  /** owl:sameAs, which OWL Micro leaves out (see the file's comment). Read as text: it may sit in a jar. */
  private static List<Rule> equalityRules() {
    try (var in = JenaRuleMaterializer.class.getResourceAsStream("equality.rules")) {
      return Rule.parseRules(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Graph infer(Graph ontology, Graph asserted) {
    Graph out = GraphFactory.createDefaultGraph();
    ExtendedIterator<Triple> it = bind(ontology, asserted).find(Node.ANY, Node.ANY, Node.ANY);
    try {
      while (it.hasNext()) {
        Triple t = it.next();
        if (Materializer.worthKeeping(t) && !asserted.contains(t) && !ontology.contains(t)) out.add(t);
      }
    } finally {
      it.close();
    }
    return out;
  }

  /** Every triple the rules give for {@code graph} (its own included), unfiltered. */
  static Graph closure(Graph ontology, Graph graph) {
    Graph out = GraphFactory.createDefaultGraph();
    bind(ontology, graph).find(Node.ANY, Node.ANY, Node.ANY).forEachRemaining(out::add);
    return out;
  }

  private static InfGraph bind(Graph ontology, Graph data) {
    List<Rule> rules = new ArrayList<>();
    for (Rule r : Rule.rulesFromURL(OWL_MICRO_RULES)) if (!concludesDifferentFrom(r)) rules.add(r);
    rules.addAll(equalityRules());
    rules.addAll(PropertyChainRules.from(ontology));
    GenericRuleReasoner reasoner = new GenericRuleReasoner(rules);
    reasoner.setMode(GenericRuleReasoner.HYBRID);
    reasoner.setOWLTranslation(true);
    reasoner.setTransitiveClosureCaching(true);
    InfGraph inf = reasoner.bindSchema(ontology).bind(data);
    inf.prepare();
    return inf;
  }

  /**
   * Disjoint classes make every instance of one different from every instance of the other: millions
   * of owl:differentFrom triples that no query needs (our ids are already distinct IRIs).
   */
  private static boolean concludesDifferentFrom(Rule r) {
    for (var head : r.getHead())
      if (head instanceof org.apache.jena.reasoner.TriplePattern tp && OWL2.differentFrom.asNode().equals(tp.getPredicate()))
        return true;
    return false;
  }
}
