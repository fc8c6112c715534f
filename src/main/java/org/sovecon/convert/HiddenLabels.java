package org.sovecon.convert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.sovecon.text.Romanisation;
import org.sovecon.vocab.Namespaces;
import org.sovecon.vocab.Std;

/**
 * Adds to a graph the romanisations of every Russian label (a {@code skos:prefLabel}, {@code rdfs:label}
 * or {@code skos:altLabel} tagged {@code ru}) as {@code skos:hiddenLabel}s, one per
 * standard system ({@link Romanisation#printed}: ALA-LC, BGN/PCGN, ISO 9) that gives a spelling the entity does not already have. Search finds an
 * entity by its hidden labels; pages show them apart from its names.
 *
 * <pre>
 *   int added = HiddenLabels.addTo(asserted);
 * </pre>
 */
public final class HiddenLabels {
  private HiddenLabels() {}

  public static final Node HIDDEN_LABEL = NodeFactory.createURI(Namespaces.SKOS + "hiddenLabel");
  private static final List<Node> LABELS = List.of(Std.prefLabel, Std.label, Std.altLabel);

  /** Adds the hidden labels; returns how many triples were added. */
  public static int addTo(Graph g) {
    List<Triple> add = new ArrayList<>();
    Set<Node> subjects = new HashSet<>();
    for (Node p : LABELS)
      g.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
        if (isRussian(t.getObject())) subjects.add(t.getSubject());
      });
    for (Node s : subjects) {
      Set<String> known = new HashSet<>();
      List<String> russian = new ArrayList<>();
      for (Node p : LABELS)
        g.find(s, p, Node.ANY).forEachRemaining(t -> {
          if (!t.getObject().isLiteral()) return;
          known.add(t.getObject().getLiteralLexicalForm().toLowerCase(Locale.ROOT));
          if (isRussian(t.getObject())) russian.add(t.getObject().getLiteralLexicalForm());
        });
      for (String ru : russian)
        for (Romanisation.System system : Romanisation.System.STANDARD) {
          String form = Romanisation.printed(ru, system);
          if (known.add(form.toLowerCase(Locale.ROOT)))
            add.add(Triple.create(s, HIDDEN_LABEL, NodeFactory.createLiteralLang(form, system.langTag)));
        }
    }
    add.forEach(g::add);
    return add.size();
  }

  private static boolean isRussian(Node o) {
    return o.isLiteral() && o.getLiteralLanguage().toLowerCase(Locale.ROOT).equals("ru")
        && Romanisation.hasCyrillic(o.getLiteralLexicalForm());
  }
}
