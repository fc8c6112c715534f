package org.sovecon.infer;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.TriplePattern;
import org.apache.jena.reasoner.rulesys.ClauseEntry;
import org.apache.jena.reasoner.rulesys.Node_RuleVariable;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;

/**
 * One forward rule per {@code P owl:propertyChainAxiom (P1 … Pn)}: x P1 y1, …, yn-1 Pn z ⇒ x P z.
 * OWL 2 says this; Jena's OWL rule sets predate OWL 2 and do not, so the build adds it.
 */
public final class PropertyChainRules {
  private PropertyChainRules() {}

  /** Each chain axiom of the ontology: the property it defines, then the properties of its chain. */
  public static java.util.Map<Node, List<List<Node>>> chains(Graph ontology) {
    java.util.Map<Node, List<List<Node>>> out = new java.util.LinkedHashMap<>();
    ontology.find(Node.ANY, OWL2.propertyChainAxiom.asNode(), Node.ANY).forEachRemaining(t -> {
      List<Node> chain = list(ontology, t.getObject());
      if (chain.size() >= 2) out.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(chain);
    });
    return out;
  }

  static List<Rule> from(Graph ontology) {
    List<Rule> rules = new ArrayList<>();
    var it = ontology.find(Node.ANY, OWL2.propertyChainAxiom.asNode(), Node.ANY);
    while (it.hasNext()) {
      Triple t = it.next();
      List<Node> chain = list(ontology, t.getObject());
      if (chain.size() < 2) continue;
      List<ClauseEntry> body = new ArrayList<>();
      Node_RuleVariable prev = new Node_RuleVariable("?x0", 0);
      for (int i = 0; i < chain.size(); i++) {
        Node_RuleVariable next = new Node_RuleVariable("?x" + (i + 1), i + 1);
        body.add(new TriplePattern(prev, chain.get(i), next));
        prev = next;
      }
      ClauseEntry head = new TriplePattern(new Node_RuleVariable("?x0", 0), t.getSubject(), prev);
      Rule r = new Rule("chain-" + t.getSubject().getLocalName(), List.of(head), body);
      r.setNumVars(chain.size() + 1);
      rules.add(r);
    }
    return rules;
  }

  private static List<Node> list(Graph g, Node head) {
    List<Node> out = new ArrayList<>();
    Node cur = head;
    while (cur != null && !cur.equals(RDF.nil.asNode())) {
      var first = g.find(cur, RDF.first.asNode(), Node.ANY);
      if (!first.hasNext()) break;
      out.add(first.next().getObject());
      var rest = g.find(cur, RDF.rest.asNode(), Node.ANY);
      cur = rest.hasNext() ? rest.next().getObject() : null;
    }
    return out;
  }
}
