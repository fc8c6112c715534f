package org.sovecon.infer.links;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.sovecon.check.Problem;
import org.sovecon.check.ProblemCode;
import org.sovecon.check.ProblemReporter;
import org.sovecon.convert.Hashes;
import org.sovecon.convert.LineRange;
import org.sovecon.table.Row;
import org.sovecon.vocab.Namespaces;
import org.sovecon.vocab.SOV;
import org.sovecon.vocab.Std;

/**
 * Links claims of different sources that bear on one another, for the graph
 * {@code <…/graph/claim-links>}. Computed: two statements with the same subject and property cited
 * from different sources corroborate each other when their values agree, and contradict each other
 * when the property takes one value per subject ({@link #SINGLE_VALUED}) and the values differ; a
 * statement citing a passage that restates another's passage ({@code restatements.csv}) restates it.
 * Curated: the rows of {@code claim-links.csv}, for links only a reader can see. Each link is a node
 * with its kind, both statements, a reason in words and whether the two are independent (two texts by
 * one author, or one restating the other, are not), plus a direct {@code st1 sov:corroborates st2}.
 *
 * <pre>
 *   Graph links = ClaimLinks.compute(asserted, inputs.of(TableKind.CLAIM_LINKS).stream().flatMap(…rows…).toList(), reporter);
 * </pre>
 */
public final class ClaimLinks {
  private ClaimLinks() {}

  public enum Kind {
    CORROBORATES(SOV.corroborates), CONTRADICTS(SOV.contradicts), RESTATES(SOV.restatesClaim);

    final Node property;

    Kind(Node property) {
      this.property = property;
    }

    static Optional<Kind> parse(String s) {
      for (Kind k : values()) if (k.name().equalsIgnoreCase(s.trim())) return Optional.of(k);
      return Optional.empty();
    }
  }

  /** Properties that take one value per subject: differing values are a contradiction, not two facts. */
  static final Set<String> SINGLE_VALUED = Set.of("date", "startDate", "endDate", "founded", "dissolved", "introduced",
      "abolished", "born", "died", "number");

  /** One statement as the links see it: what it says and who says it where. */
  record Claim(Node st, Node subject, Node property, Node value, Node citation, Node source, Node author) {}

  public static Graph compute(Graph asserted, List<Row> curated, ProblemReporter reporter) {
    Graph out = GraphFactory.createDefaultGraph();
    Map<Node, Claim> claims = claims(asserted);
    Map<List<Node>, List<Claim>> bySubjectProperty = new LinkedHashMap<>();
    for (Claim c : claims.values()) bySubjectProperty.computeIfAbsent(List.of(c.subject(), c.property()), k -> new ArrayList<>()).add(c);
    for (List<Claim> group : bySubjectProperty.values()) {
      for (int i = 0; i < group.size(); i++) {
        for (int j = i + 1; j < group.size(); j++) {
          Claim a = group.get(i), b = group.get(j);
          if (a.source().equals(b.source())) continue;
          boolean same = a.value().equals(b.value()) || samePrefix(a.value(), b.value());
          if (same) link(out, Kind.CORROBORATES, a, b, asserted, "both give " + shown(a.value()) + " for " + local(a.property())
              + (a.value().equals(b.value()) ? "" : " (at two precisions)"), false);
          else if (SINGLE_VALUED.contains(local(a.property())))
            link(out, Kind.CONTRADICTS, a, b, asserted, local(a.property()) + " takes one value, and they give "
                + shown(a.value()) + " and " + shown(b.value()), false);
        }
      }
    }
    // Claims looked up by the passage they cite: scanning every claim for each restated passage grew
    // with claims × claims as the data grew (at x100 it held the build for minutes).
    Map<Node, List<Claim>> byCitation = new HashMap<>();
    for (Claim c : claims.values()) byCitation.computeIfAbsent(c.citation(), k -> new ArrayList<>()).add(c);
    asserted.find(Node.ANY, SOV.restatesPassage, Node.ANY).forEachRemaining(r -> {
      for (Claim a : byCitation.getOrDefault(r.getSubject(), List.of()))
        for (Claim b : byCitation.getOrDefault(r.getObject(), List.of()))
          if (b.subject().equals(a.subject()) && b.property().equals(a.property()))
            link(out, Kind.RESTATES, a, b, asserted, "the passage restates the other (restatements.csv)", false);
    });
    for (Row r : curated) curated(r, byCitation, asserted, out, reporter);
    return out;
  }

  private static void curated(Row r, Map<Node, List<Claim>> claims, Graph asserted, Graph out, ProblemReporter reporter) {
    Optional<Kind> kind = Kind.parse(r.get("kind"));
    if (kind.isEmpty()) {
      reporter.report(Problem.at(r, "kind", ProblemCode.BAD_VALUE, "unknown link kind '" + r.get("kind") + "': use corroborates, contradicts or restates"));
      return;
    }
    Optional<Claim> a = find(r, "source", "lines", claims, reporter);
    Optional<Claim> b = find(r, "other_source", "other_lines", claims, reporter);
    if (a.isPresent() && b.isPresent()) link(out, kind.get(), a.get(), b.get(), asserted, r.get("reason"), true);
  }

  /** The claim a curated row names by subject, property and the passage that states it. */
  private static Optional<Claim> find(Row r, String sourceColumn, String linesColumn, Map<Node, List<Claim>> byCitation, ProblemReporter reporter) {
    Optional<LineRange> lines = LineRange.parse(r.get(linesColumn));
    if (lines.isEmpty()) {
      reporter.report(Problem.at(r, linesColumn, ProblemCode.BAD_LINES, "'" + r.get(linesColumn) + "' is not a line range: write N or N-M with N <= M"));
      return Optional.empty();
    }
    Node citation = NodeFactory.createURI(Namespaces.CITATION + r.get(sourceColumn) + "/" + lines.get());
    Node subject = NodeFactory.createURI(Namespaces.ID + r.get("subject"));
    Node property = NodeFactory.createURI(Namespaces.SOV + r.get("property"));
    Optional<Claim> c = byCitation.getOrDefault(citation, List.of()).stream()
        .filter(x -> x.subject().equals(subject) && x.property().equals(property)).findFirst();
    if (c.isEmpty())
      reporter.report(Problem.at(r, linesColumn, ProblemCode.UNKNOWN_REFERENCE, "no claim that " + r.get("subject") + " "
          + r.get("property") + " … cites " + r.get(sourceColumn) + " " + r.get(linesColumn)));
    return c;
  }

  private static void link(Graph out, Kind kind, Claim a, Claim b, Graph asserted, String reason, boolean curated) {
    boolean independent = a.author() == null || b.author() == null ? !a.source().equals(b.source()) : !a.author().equals(b.author());
    if (asserted.contains(a.source(), SOV.restates, b.source()) || asserted.contains(b.source(), SOV.restates, a.source())) independent = false;
    if (kind == Kind.RESTATES) independent = false;
    String why = reason + "; " + (independent ? "independent: different authors" : "not independent: "
        + (a.author() != null && a.author().equals(b.author()) ? "one author (" + local(a.author()) + ")" : "one text restates the other"));
    Node n = NodeFactory.createURI(Namespaces.CLAIM_LINK + Hashes.of(List.of(kind.name(), a.st().getURI(), b.st().getURI())));
    out.add(Triple.create(n, Std.type, SOV.ClaimLink));
    out.add(Triple.create(n, SOV.linkKind, kind.property));
    out.add(Triple.create(n, SOV.linkFrom, a.st()));
    out.add(Triple.create(n, SOV.linkTo, b.st()));
    out.add(Triple.create(n, SOV.linkReason, NodeFactory.createLiteralLang(why, "en")));
    out.add(Triple.create(n, SOV.independent, NodeFactory.createLiteralDT(Boolean.toString(independent), XSDDatatype.XSDboolean)));
    if (curated) out.add(Triple.create(n, SOV.curated, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean)));
    out.add(Triple.create(a.st(), kind.property, b.st()));
    if (kind != Kind.RESTATES) out.add(Triple.create(b.st(), kind.property, a.st()));
  }

  private static Map<Node, Claim> claims(Graph g) {
    Map<Node, Node> authors = new HashMap<>();
    g.find(Node.ANY, Std.type, SOV.Source).forEachRemaining(t -> g.find(t.getSubject(), Std.dcCreator, Node.ANY)
        .forEachRemaining(a -> authors.put(t.getSubject(), a.getObject())));
    List<Claim> all = new ArrayList<>();
    g.find(Node.ANY, SOV.statementSubject, Node.ANY).forEachRemaining(t -> {
      Node st = t.getSubject();
      Optional<Node> p = one(g, st, SOV.statementProperty), v = one(g, st, SOV.statementValue), c = one(g, st, Std.wasDerivedFrom);
      if (p.isEmpty() || v.isEmpty() || c.isEmpty()) return;
      Optional<Node> src = one(g, c.get(), SOV.citedSource);
      if (src.isEmpty()) return;
      all.add(new Claim(st, t.getObject(), p.get(), v.get(), c.get(), src.get(), authors.get(src.get())));
    });
    all.sort(Comparator.comparing(c -> c.st().getURI()));
    Map<Node, Claim> out = new LinkedHashMap<>();
    for (Claim c : all) out.put(c.st(), c);
    return out;
  }

  private static Optional<Node> one(Graph g, Node s, Node p) {
    return g.find(s, p, Node.ANY).nextOptional().map(Triple::getObject);
  }

  /** "1928" and "1928-01" are one date at two precisions. */
  private static boolean samePrefix(Node a, Node b) {
    if (!a.isLiteral() || !b.isLiteral()) return false;
    String x = a.getLiteralLexicalForm(), y = b.getLiteralLexicalForm();
    return x.matches("\\d{4}.*") && y.matches("\\d{4}.*") && (x.startsWith(y) || y.startsWith(x));
  }

  private static String shown(Node n) {
    return n.isLiteral() ? n.getLiteralLexicalForm() : local(n);
  }

  private static String local(Node n) {
    String u = n.getURI();
    return u.substring(Math.max(u.lastIndexOf('/'), u.lastIndexOf('#')) + 1);
  }
}
