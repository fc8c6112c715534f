package org.sovecon.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.sovecon.vocab.Std;

class TransliterationTest {
  @ParameterizedTest
  @CsvSource({
    "Преображенский, Preobrazhenskii, Preobrazhenskiy, Preobraženskij",
    "Пятаков, Piatakov, Pyatakov, Pâtakov",
    "община, obshchina, obshchina, obŝina",
    "мир, mir, mir, mir",
    "Ежов, Ezhov, Yezhov, Ežov",
    "Госплан, Gosplan, Gosplan, Gosplan",
    "ВСНХ, VSNKH, VSNKH, VSNH",
    "Объединение, Obedinenie, Obyedineniye, Obʺedinenie",
  })
  void romanisesEachSystem(String cyrillic, String lc, String bgn, String iso9) {
    assertEquals(lc, Transliteration.LC.apply(cyrillic));
    assertEquals(bgn, Transliteration.BGN_PCGN.apply(cyrillic));
    assertEquals(iso9, Transliteration.ISO9.apply(cyrillic));
  }

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
    assertTrue(Transliteration.hasCyrillic("ОСВОК"));
  }

  private static Set<String> lower(Set<String> s) {
    Set<String> out = new HashSet<>();
    for (String x : s) out.add(x.substring(0, x.indexOf('@')) + x.substring(x.indexOf('@')).toLowerCase());
    return out;
  }
}
