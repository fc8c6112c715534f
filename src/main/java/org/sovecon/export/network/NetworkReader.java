package org.sovecon.export.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.sovecon.export.network.Network.Edge;
import org.sovecon.export.network.Network.EdgeKind;
import org.sovecon.export.network.Network.Interval;
import org.sovecon.export.network.Network.Node;
import org.sovecon.report.Queries;
import org.sovecon.vocab.Namespaces;

/**
 * Reads the whole network from a dataset: every entity, one edge per cited statement between two
 * entities (facts, and attributed claims as edges of their own kind), and one undirected edge per
 * pair of entities named by statements citing the same passage. The queries are resources
 * ({@code network-*.rq}); this class only turns their rows into nodes and edges.
 */
public final class NetworkReader {
  private NetworkReader() {}

  /** The node kinds, most specific first: an entity that is both a Faction and an Organisation is a Faction. */
  static final List<String> KINDS = List.of("Person", "Faction", "Organisation", "Post", "SocialGroup", "Plan",
      "Policy", "Event", "Document", "Concept", "Place", "Currency");

  /** Kinds whose own date is the date of what links to them (a vote at a congress happened at the congress). */
  private static final List<String> DATING_KINDS = List.of("Event", "Document");

  public static Network read(Dataset ds) {
    Map<String, Node> nodes = nodes(ds);
    List<Edge> edges = new ArrayList<>(statementEdges(ds, nodes));
    edges.addAll(coOccurrenceEdges(ds, nodes));
    return new Network("all", true, List.copyOf(nodes.values()), List.copyOf(edges));
  }

  private static Map<String, Node> nodes(Dataset ds) {
    Map<String, Optional<Interval>> dates = nodeDates(ds);
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (QuerySolution s : Queries.selectAll(ds, Queries.load("network-nodes"))) {
      String id = local(s.get("e"));
      List<String> kinds = List.of(text(s, "kinds").split(" "));
      String kind = KINDS.stream().filter(kinds::contains).findFirst().orElse("Thing");
      String wd = s.contains("wikidata") ? s.getResource("wikidata").getURI().substring(Namespaces.WD.length()) : "";
      nodes.put(id, new Node(id, kind, text(s, "label"), text(s, "labelRu"), wd, s.getResource("e").getURI(),
          dates.getOrDefault(id, Optional.empty())));
    }
    return nodes;
  }

  private static Map<String, Optional<Interval>> nodeDates(Dataset ds) {
    Map<String, Map<String, LocalDate[]>> marks = new HashMap<>();
    for (QuerySolution s : Queries.selectAll(ds, Queries.load("network-node-dates")))
      marks.computeIfAbsent(local(s.get("e")), k -> new HashMap<>())
          .put(text(s, "mark"), new LocalDate[] {date(s, "from"), date(s, "to")});
    Map<String, Optional<Interval>> out = new HashMap<>();
    marks.forEach((id, m) -> {
      LocalDate[] start = m.get("start"), end = m.get("end"), point = m.get("point");
      LocalDate startFrom = Network.min(at(start, 0), at(point, 0));
      LocalDate startTo = Network.max(at(start, 1), at(point, 1));
      LocalDate endTo = Network.max(at(end, 1), at(point, 1));
      LocalDate endFrom = Network.min(at(end, 0), at(point, 0));
      out.put(id, Interval.closing(startFrom, startTo, endTo, endFrom));
    });
    return out;
  }

  private static List<Edge> statementEdges(Dataset ds, Map<String, Node> nodes) {
    Map<String, Edge> edges = new LinkedHashMap<>();
    for (QuerySolution s : Queries.selectAll(ds, Queries.load("network-statements"))) {
      String statement = s.getResource("st").getURI();
      if (edges.containsKey(statement)) continue; // a second citation or claimant row of the same statement
      boolean claim = s.getLiteral("claim").getBoolean();
      String subject = local(s.get("s"));
      String value = s.contains("o") ? local(s.get("o")) : null;
      String claimant = s.contains("claimant") ? local(s.get("claimant")) : "";
      String from, to;
      if (value != null && nodes.containsKey(value)) {
        from = subject;
        to = value;
      } else if (claim && nodes.containsKey(claimant)) {
        // A claim whose value is text (an interpretation, a definition): who says it, about what.
        from = claimant;
        to = subject;
      } else continue;
      if (!nodes.containsKey(from)) continue;
      Optional<Interval> own = statementInterval(s);
      Node target = nodes.get(to);
      String datedBy = own.isPresent() ? "statement" : "";
      if (own.isEmpty() && DATING_KINDS.contains(target.kind()) && target.interval().isPresent()) {
        own = target.interval();
        datedBy = target.kind().toLowerCase(java.util.Locale.ROOT);
      }
      String id = "s-" + statement.substring(Namespaces.STATEMENT.length());
      edges.put(statement, new Edge(id, from, to, claim ? EdgeKind.CLAIM : EdgeKind.FACT,
          s.getResource("p").getLocalName(), text(s, "src"), text(s, "lines"), claimant,
          s.contains("rank") ? s.getResource("rank").getLocalName().replace("Rank", "").toLowerCase(java.util.Locale.ROOT) : "",
          s.contains("role") ? s.getResource("role").getLocalName() : "", statement, own, datedBy));
    }
    return List.copyOf(edges.values());
  }

  /** The statement's own dates: start and end qualifiers, or a point date; open ends closed at the period's bounds. */
  private static Optional<Interval> statementInterval(QuerySolution s) {
    boolean start = s.contains("start"), end = s.contains("end"), point = s.contains("date");
    if (!start && !end && !point) return Optional.empty();
    LocalDate earliest = date(s, "earliest"), latest = date(s, "latest");
    if (earliest == null || latest == null) return Optional.empty();
    if (point || (start && end)) return Interval.closing(earliest, latest, latest, earliest);
    return start ? Interval.closing(earliest, latest, null, null) : Interval.closing(null, null, latest, earliest);
  }

  private static List<Edge> coOccurrenceEdges(Dataset ds, Map<String, Node> nodes) {
    List<Edge> edges = new ArrayList<>();
    for (QuerySolution s : Queries.selectAll(ds, Queries.load("network-co-occurrence"))) {
      String a = local(s.get("a")), b = local(s.get("b"));
      if (!nodes.containsKey(a) || !nodes.containsKey(b)) continue;
      String src = text(s, "src"), lines = text(s, "lines");
      edges.add(new Edge("co-" + src + "-" + lines + "-" + a + "-" + b, a, b, EdgeKind.CO_OCCURRENCE, "namedWith",
          src, lines, "", "", "", "", Optional.empty(), ""));
    }
    return edges;
  }

  private static String local(RDFNode n) {
    String iri = n.asResource().getURI();
    return iri.startsWith(Namespaces.ID) ? iri.substring(Namespaces.ID.length()) : iri;
  }

  private static String text(QuerySolution s, String var) {
    return s.contains(var) ? s.get(var).asLiteral().getLexicalForm() : "";
  }

  private static LocalDate date(QuerySolution s, String var) {
    return s.contains(var) ? LocalDate.parse(s.getLiteral(var).getLexicalForm()) : null;
  }

  private static LocalDate at(LocalDate[] pair, int i) {
    return pair == null ? null : pair[i];
  }
}
