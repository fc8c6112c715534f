package org.sovecon.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.sovecon.vocab.Std;

class HiddenLabelsTest {
  @Test
  void hiddenLabelsAreAddedOncePerNewSpelling() {
    Graph g = GraphFactory.createDefaultGraph();
    var s = NodeFactory.createURI("https://w3id.org/sovecon/id/pyatakov");
    g.add(Triple.create(s, Std.prefLabel, NodeFactory.createLiteralLang("Pyatakov", "en")));
    g.add(Triple.create(s, Std.prefLabel, NodeFactory.createLiteralLang("Пятаков", "ru")));
    int added = HiddenLabels.addTo(g);
    Set<String> hidden = new HashSet<>();
    g.find(s, HiddenLabels.HIDDEN_LABEL, null).forEachRemaining(t -> hidden.add(t.getObject().getLiteralLexicalForm()
        + "@" + t.getObject().getLiteralLanguage()));
    // BGN/PCGN gives "Pyatakov", which the entity already has as its English name.
    assertEquals(Set.of("Piatakov@ru-latn-alalc97", "Pâtakov@ru-latn-x-iso9"), lower(hidden));
    assertEquals(2, added);
  }

  private static Set<String> lower(Set<String> s) {
    Set<String> out = new HashSet<>();
    for (String x : s) out.add(x.substring(0, x.indexOf('@')) + x.substring(x.indexOf('@')).toLowerCase());
    return out;
  }
}
