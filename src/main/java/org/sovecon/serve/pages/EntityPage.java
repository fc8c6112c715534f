package org.sovecon.serve.pages;

import static org.sovecon.serve.pages.Html.el;
import static org.sovecon.serve.pages.Html.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.sovecon.asof.AsOfFilter;
import org.sovecon.asof.Span;
import org.sovecon.asof.Standing;
import org.sovecon.vocab.Namespaces;

/**
 * An {@link EntityView} as an HTML page laid out like a Wikidata item: names in every language and
 * script, kinds, description, Wikidata link; then each statement with its qualifiers, rank, claimant
 * and citations (source, lines, passage); the other triples (inferred ones marked); observations as a
 * table; and what links here. Every value goes through {@link Html#esc}. Every page has a date picker;
 * shown as of a date ({@link AsOfView}), a banner says which date and how dates are read, and the
 * statements and facts are split into those in force on it, the undated ones and those not in force.
 */
final class EntityPage {
  private final EntityView v;
  private final Links links;
  /** The date the page shows the entity as of, or null for every date. */
  private final AsOfView dated;
  /** The page's own path, without any date: the picker's form goes there. */
  private final String path;
  private final Model m;
  private final Resource e;
  private final StringBuilder b = new StringBuilder();

  private static final String SOV = Namespaces.SOV;
  private static final Set<String> NAME_PROPS = Set.of(Namespaces.RDFS + "label", Namespaces.SKOS + "prefLabel",
      Namespaces.SKOS + "altLabel", Namespaces.SKOS + "hiddenLabel", SOV + "displayLabel");

  EntityPage(EntityView v, Links links, AsOfView dated, String path) {
    this.v = v;
    this.links = links;
    this.dated = dated;
    this.path = path;
    this.m = v.description();
    this.e = m.createResource(v.iri().getURI());
  }

  String title() {
    return v.labels().getOrDefault(e.getURI(), links.shortName(e.getURI()));
  }

  String body() {
    b.append("<h1>").append(esc(title())).append("</h1>\n<div class=\"iri\">").append(esc(e.getURI())).append("</div>\n");
    picker();
    if (dated != null) banner();
    kinds();
    String desc = first(Namespaces.DCTERMS + "description");
    if (desc != null) b.append("<p class=\"description\">").append(esc(desc)).append("</p>\n");
    wikidata();
    names();
    statements();
    otherTriples();
    observations();
    inbound();
    return b.toString();
  }

  /**
   * The date picker: a GET form with a calendar ({@code day}) and a text field for a year, a month or
   * a day ({@code asOf}), since the texts often give no more. {@code shown} tells the server which
   * date the page showed, so it can tell which field the reader changed (PageServlet.picked).
   */
  private void picker() {
    String shown = dated == null ? "" : dated.date();
    String day = dated != null && dated.on().from().equals(dated.on().to()) ? dated.on().from().toString() : "";
    b.append("<form class=\"asof\" method=\"get\" action=\"").append(esc(path)).append("\">")
        .append("<label>As of <input type=\"date\" name=\"day\" value=\"").append(esc(day)).append("\"></label> ")
        .append("<label>or a year, month or day <input type=\"text\" name=\"asOf\" value=\"").append(esc(shown))
        .append("\" placeholder=\"1927, 1927-12 or 1927-12-01\" size=\"16\"></label>")
        .append("<input type=\"hidden\" name=\"shown\" value=\"").append(esc(shown)).append("\"> <button>Show</button>");
    if (dated != null) b.append(" <a class=\"all-dates\" href=\"").append(esc(path)).append("\">every date</a>");
    b.append("</form>\n");
  }

  /** Which date is shown, how many statements stand how, and how uncertain and partial dates are read. */
  private void banner() {
    Span on = dated.on();
    String read = on.from().equals(on.to()) ? "" : " (any day from " + on.from() + " to " + on.to() + ")";
    Map<Standing, Integer> n = new EnumMap<>(Standing.class);
    for (Resource st : statementNodes()) n.merge(dated.standing(st.asNode()), 1, Integer::sum);
    b.append("<div class=\"asof-banner\" role=\"status\"><p><strong>As of ").append(esc(dated.date())).append("</strong>")
        .append(esc(read)).append(": the entity as the graph stood then. ").append(n.getOrDefault(Standing.HOLDS, 0))
        .append(" statements may hold on that date, ").append(n.getOrDefault(Standing.UNDATED, 0)).append(" are undated, ")
        .append(n.getOrDefault(Standing.NOT_IN_FORCE, 0)).append(" were not in force.</p>");
    dated.absence().ifPresent(a -> b.append("<p class=\"absence\">").append(esc(title())).append(a == AsOfFilter.Absence.NOT_YET
        ? " had not yet begun on this date: by its dates it was founded, started, introduced or born later."
        : " had ended by this date: by its dates it was dissolved, ended, abolished or died earlier.").append(" The graph as of this date leaves it out.</p>"));
    b.append("<p class=\"reading\">How dates are read: each date stands for every day it may mean, from its earliest to its latest"
        + " (EDTF bounds: 1927 runs from 1927-01-01 to 1927-12-31, 1927-12 through December, 1927~ and 1927? as 1927). A statement"
        + " may hold on the date when its span, from its start to its end, or its own date, shares a day with it; a start with no"
        + " end stays open unless a later removal from the same post or body closes it; an undated statement cannot be placed."
        + " See <a href=\"").append(Layout.AS_OF_DOC).append("\">docs/as-of.md</a>.</p></div>\n");
  }

  private void kinds() {
    b.append("<div class=\"kinds\">");
    List<Statement> types = e.listProperties(RDF.type).toList();
    types.sort(Comparator.comparing(s -> isInferred(s) ? 1 : 0));
    for (Statement t : types) {
      boolean inf = isInferred(t);
      b.append("<a class=\"kind").append(inf ? " inferred\" title=\"inferred from the ontology" : "").append("\" href=\"")
          .append(esc(links.href(t.getResource().getURI()))).append("\">").append(esc(label(t.getObject()))).append("</a>");
    }
    b.append("</div>\n");
  }

  private void wikidata() {
    for (Statement s : e.listProperties().toList())
      if (s.getObject().isURIResource() && s.getResource().getURI().startsWith(Namespaces.WD))
        b.append("<p class=\"wikidata\">Wikidata (").append(esc(links.shortName(s.getPredicate().getURI()))).append("): <a href=\"")
            .append(esc(s.getResource().getURI())).append("\">").append(esc(s.getResource().getURI().substring(Namespaces.WD.length())))
            .append("</a></p>\n");
  }

  private void names() {
    List<Statement> names = new ArrayList<>();
    for (Statement s : e.listProperties().toList())
      if (NAME_PROPS.contains(s.getPredicate().getURI()) && s.getObject().isLiteral()) names.add(s);
    if (names.isEmpty()) return;
    names.sort(Comparator.comparing((Statement s) -> s.getLiteral().getLanguage()).thenComparing(s -> s.getPredicate().getURI()));
    b.append("<h2>Names</h2>\n<table class=\"names\"><tr><th>language / script</th><th>kind</th><th>name</th></tr>\n");
    for (Statement s : names)
      b.append("<tr>").append(el("td", s.getLiteral().getLanguage())).append(el("td", links.shortName(s.getPredicate().getURI())))
          .append("<td lang=\"").append(esc(s.getLiteral().getLanguage())).append("\">").append(esc(s.getLiteral().getLexicalForm()))
          .append("</td></tr>\n");
    b.append("</table>\n");
  }

  /** Statement nodes about this resource, grouped by property (observations are shown as a table). */
  private void statements() {
    List<Resource> sts = statementNodes();
    if (sts.isEmpty()) return;
    if (dated == null) {
      b.append("<h2>Statements</h2>\n");
      statements(sts);
      return;
    }
    String on = esc(dated.date());
    section(sts, Standing.HOLDS, "asof-holds", "Statements in force on " + on, "");
    section(sts, Standing.UNDATED, "asof-undated", "Undated statements",
        "<p>The texts give no date for these: the graph cannot tell whether they held on " + on + ".</p>\n");
    section(sts, Standing.NOT_IN_FORCE, "asof-not-in-force", "Not in force on " + on,
        "<p>These began after the date or ended before it.</p>\n");
  }

  private List<Resource> statementNodes() {
    List<Resource> sts = m.listSubjectsWithProperty(m.createProperty(SOV + "statementSubject"), e).toList();
    sts.removeIf(this::isObservation);
    return sts;
  }

  private void section(List<Resource> sts, Standing standing, String cls, String heading, String intro) {
    List<Resource> these = sts.stream().filter(st -> dated.standing(st.asNode()) == standing).toList();
    if (these.isEmpty()) return;
    b.append("<section class=\"").append(cls).append("\"><h2>").append(heading).append("</h2>\n").append(intro);
    statements(these);
    b.append("</section>\n");
  }

  private void statements(List<Resource> sts) {
    TreeMap<String, List<Resource>> byProp = new TreeMap<>();
    for (Resource st : sts) byProp.computeIfAbsent(propertyOf(st), k -> new ArrayList<>()).add(st);
    for (var entry : byProp.entrySet()) {
      for (Resource st : entry.getValue()) statement(entry.getKey(), st);
    }
  }

  private void statement(String prop, Resource st) {
    boolean claim = st.hasProperty(RDF.type, m.createResource(SOV + "AttributedClaim"));
    String rank = st.hasProperty(m.createProperty(SOV + "rank")) ? st.getPropertyResourceValue(m.createProperty(SOV + "rank")).getLocalName() : "";
    b.append("<div class=\"statement rank-").append(esc(rank)).append("\" id=\"").append(esc(st.getLocalName())).append("\">");
    b.append("<span class=\"prop\"><a href=\"").append(esc(links.href(prop))).append("\">").append(esc(label(m.createResource(prop)))).append("</a></span> ");
    Statement value = st.getProperty(m.createProperty(Namespaces.PS + localName(prop)));
    if (value == null) value = st.getProperty(m.createProperty(SOV + "statementValue"));
    b.append("<span class=\"value\">").append(value == null ? "" : node(value.getObject())).append("</span>");
    if (claim) b.append(" <span class=\"badge claim\">claim</span>");
    if (!rank.isEmpty() && !rank.equals("NormalRank")) b.append(" <span class=\"badge\">").append(esc(rank)).append("</span>");
    if (dated != null) {
      Optional<Span> span = dated.spans().getOrDefault(st.asNode(), Optional.empty());
      b.append(span.isEmpty() ? " <span class=\"badge undated\" title=\"the texts give no date for it\">undated</span>"
          : " <span class=\"span\" title=\"the days on which it may hold, read from its dates\">may hold: " + esc(AsOfView.describe(span)) + "</span>");
    }
    b.append(" <a class=\"iri\" href=\"").append(esc(links.href(st.getURI()))).append("\" title=\"the statement node\">#</a>");
    b.append("<div class=\"qualifiers\">");
    for (Statement q : st.listProperties().toList()) {
      String p = q.getPredicate().getURI();
      if (p.startsWith(Namespaces.PQ) || p.equals(SOV + "claimedBy") || p.equals(SOV + "note") || p.equals(SOV + "statedIn"))
        b.append("<div>").append(esc(label(q.getPredicate()))).append(": ").append(node(q.getObject())).append("</div>");
    }
    b.append("</div>");
    refs(st);
    b.append("</div>\n");
  }

  private void refs(Resource st) {
    List<Statement> cites = st.listProperties(m.createProperty(Namespaces.PROV + "wasDerivedFrom")).toList();
    if (cites.isEmpty()) return;
    b.append("<div class=\"refs\">");
    for (Statement c : cites) {
      Resource cit = c.getResource();
      Resource src = cit.getPropertyResourceValue(m.createProperty(SOV + "citedSource"));
      Statement lines = cit.getProperty(m.createProperty(SOV + "lines"));
      Statement passage = cit.getProperty(m.createProperty(SOV + "passage"));
      b.append("<div class=\"ref\">source: ");
      if (src != null) b.append("<a href=\"").append(esc(links.href(src.getURI()))).append("\">").append(esc(label(src))).append("</a>");
      b.append(", <a href=\"").append(esc(links.href(cit.getURI()))).append("\">lines ")
          .append(esc(lines == null ? "?" : lines.getString())).append("</a>");
      if (passage != null) b.append("<details><summary>passage</summary><blockquote>").append(esc(passage.getString())).append("</blockquote></details>");
      b.append("</div>");
    }
    b.append("</div>");
  }

  /** Triples of the resource not shown above: plain facts, the inferred ones marked. */
  private void otherTriples() {
    List<Statement> rest = new ArrayList<>();
    for (Statement s : e.listProperties().toList()) {
      String p = s.getPredicate().getURI();
      if (NAME_PROPS.contains(p) || p.equals(RDF.type.getURI()) || p.startsWith(Namespaces.P) && !p.startsWith(Namespaces.PQ) && !p.startsWith(Namespaces.PS)
          || p.equals(Namespaces.DCTERMS + "description")) continue;
      if (s.getObject().isURIResource() && s.getResource().getURI().startsWith(Namespaces.WD)) continue;
      rest.add(s);
    }
    if (rest.isEmpty()) return;
    rest.sort(Comparator.comparing((Statement s) -> isInferred(s) ? 1 : 0).thenComparing(s -> label(s.getPredicate())));
    List<Statement> notInForce = new ArrayList<>();
    if (dated != null) {
      for (Statement s : rest) if (!dated.inForce(s.asTriple())) notInForce.add(s);
      rest.removeAll(notInForce);
    }
    b.append("<h2>Facts</h2>\n<p>The plain triples (a cited statement above backs each asserted one; <span class=\"badge\">inferred</span> ones follow from the ontology).</p>\n");
    factTable(rest, "facts");
    if (notInForce.isEmpty()) return;
    b.append("<section class=\"asof-not-in-force\"><h2>Facts not in force on ").append(esc(dated.date())).append("</h2>\n")
        .append("<p>Every statement behind these began after the date or ended before it (an inferred fact: one of its premises).</p>\n");
    factTable(notInForce, "facts not-in-force");
    b.append("</section>\n");
  }

  private void factTable(List<Statement> rest, String cls) {
    b.append("<table class=\"").append(cls).append("\"><tr><th>property</th><th>value</th><th></th></tr>\n");
    for (Statement s : rest)
      b.append("<tr><td><a href=\"").append(esc(links.href(s.getPredicate().getURI()))).append("\">").append(esc(label(s.getPredicate())))
          .append("</a></td><td>").append(node(s.getObject())).append("</td><td>")
          .append(isInferred(s) ? "<span class=\"badge\" title=\"in the inferred graph: entailed by the ontology\">inferred</span>" + howInferred(s) : "")
          .append("</td></tr>\n");
    b.append("</table>\n");
  }

  private void observations() {
    List<Resource> obs = m.listSubjectsWithProperty(m.createProperty(SOV + "subject"), e).toList();
    obs.removeIf(o -> !isObservation(o));
    if (obs.isEmpty()) return;
    obs.sort(Comparator.comparing(o -> text(o, "refPeriod")));
    b.append("<h2>Observations</h2>\n<table class=\"observations\"><tr><th>item</th><th>value</th><th>unit</th><th>period</th><th>status</th><th>claimed by</th><th>source</th></tr>\n");
    for (Resource o : obs) {
      b.append("<tr>").append("<td>").append(nodeOf(o, "item")).append("</td>").append("<td>").append(nodeOf(o, "obsValue")).append("</td>")
          .append(el("td", text(o, "unit"))).append(el("td", text(o, "refPeriod"))).append(el("td", text(o, "status")))
          .append("<td>").append(nodeOf(o, "claimedBy")).append("</td><td>");
      refs(o);
      b.append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  private void inbound() {
    if (v.inbound().isEmpty()) return;
    List<EntityView.Inbound> inForce = new ArrayList<>(v.inbound()), notInForce = new ArrayList<>();
    if (dated != null) {
      for (EntityView.Inbound i : v.inbound()) if (!dated.inForce(i)) notInForce.add(i);
      inForce.removeAll(notInForce);
    }
    b.append("<h2>What links here</h2>\n");
    if (inForce.isEmpty()) b.append("<p>No link in force on ").append(esc(dated.date())).append(".</p>\n");
    else inboundTable(inForce, "inbound");
    if (notInForce.isEmpty()) return;
    b.append("<section class=\"asof-not-in-force links\"><h2>Links not in force on ").append(esc(dated.date())).append("</h2>\n")
        .append("<p>Every statement behind these began after the date or ended before it, or one of the two entities had not begun or had ended (an inferred link: one of its premises).</p>\n");
    inboundTable(notInForce, "inbound not-in-force");
    b.append("</section>\n");
  }

  private void inboundTable(List<EntityView.Inbound> rows, String cls) {
    b.append("<table class=\"").append(cls).append("\"><tr><th>from</th><th>property</th><th></th></tr>\n");
    for (EntityView.Inbound i : rows)
      b.append("<tr><td><a href=\"").append(esc(links.href(i.subject().getURI()))).append("\">").append(esc(label(i.subject())))
          .append("</a></td><td>").append(esc(label(i.property()))).append("</td><td>")
          .append(i.inferred() ? "<span class=\"badge\">inferred</span>" : "").append("</td></tr>\n");
    b.append("</table>\n");
  }

  // ---- small helpers

  private boolean isObservation(Resource r) {
    return r.hasProperty(RDF.type, m.createResource(Namespaces.QB + "Observation"));
  }

  /** The rule and premises of an inferred triple (stored or recomputed, as {@code explain} gives them), each premise linked to its subject's page. */
  private String howInferred(Statement s) {
    EntityView.Derivation d = v.derivations().get(Triple.create(e.asNode(), s.getPredicate().asNode(), s.getObject().asNode()));
    if (d == null) return "";
    StringBuilder h = new StringBuilder("<div class=\"derivation\">by <code>").append(esc(links.shortName(d.rule().getURI()))).append("</code>");
    if (!d.premises().isEmpty()) {
      h.append(" from: ");
      for (int i = 0; i < d.premises().size(); i++) {
        Triple t = d.premises().get(i);
        if (i > 0) h.append("; ");
        h.append(t.getSubject().isURI() ? "<a href=\"" + esc(links.href(t.getSubject().getURI())) + "\">" + esc(label(t.getSubject())) + "</a>" : esc(t.getSubject().toString()))
            .append(" ").append(esc(label(t.getPredicate()))).append(" ")
            .append(t.getObject().isURI() ? "<a href=\"" + esc(links.href(t.getObject().getURI())) + "\">" + esc(label(t.getObject())) + "</a>" : esc(t.getObject().toString()));
      }
    }
    return h.append("</div>").toString();
  }

  private boolean isInferred(Statement s) {
    return v.inferred().contains(Triple.create(e.asNode(), s.getPredicate().asNode(), s.getObject().asNode()));
  }

  private String propertyOf(Resource st) {
    Resource p = st.getPropertyResourceValue(m.createProperty(SOV + "statementProperty"));
    return p == null ? SOV + "statement" : p.getURI();
  }

  private static String localName(String iri) {
    int i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
    return iri.substring(i + 1);
  }

  private String first(String prop) {
    Statement s = e.getProperty(m.createProperty(prop));
    return s == null ? null : s.getObject().isLiteral() ? s.getString() : s.getObject().toString();
  }

  private String text(Resource r, String sovLocal) {
    Statement s = r.getProperty(m.createProperty(SOV + sovLocal));
    return s == null ? "" : s.getObject().isLiteral() ? s.getLiteral().getLexicalForm() : label(s.getObject());
  }

  private String nodeOf(Resource r, String sovLocal) {
    Statement s = r.getProperty(m.createProperty(SOV + sovLocal));
    return s == null ? "" : node(s.getObject());
  }

  private String label(RDFNode n) {
    return n.isURIResource() ? label(n.asNode()) : n.toString();
  }

  private String label(Node n) {
    return n.isURI() ? v.labels().getOrDefault(n.getURI(), links.shortName(n.getURI())) : n.toString();
  }

  /** A value: a link with the target's label, or a literal with its datatype or language shown. */
  private String node(RDFNode n) {
    if (n.isURIResource())
      return "<a href=\"" + esc(links.href(n.asResource().getURI())) + "\">" + esc(label(n)) + "</a>";
    if (n.isLiteral()) {
      Literal l = n.asLiteral();
      String dt = l.getDatatypeURI() != null && !l.getLanguage().isEmpty() ? "" : links.shortName(l.getDatatypeURI());
      String tag = !l.getLanguage().isEmpty() ? " <span class=\"iri\">@" + esc(l.getLanguage()) + "</span>"
          : dt.equals("xsd:string") ? "" : " <span class=\"iri\">" + esc(dt) + "</span>";
      return esc(l.getLexicalForm()) + tag;
    }
    return "<span class=\"iri\">[blank node]</span>";
  }
}
