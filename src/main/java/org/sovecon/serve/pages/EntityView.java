package org.sovecon.serve.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.sovecon.report.Explanations;
import org.sovecon.vocab.Namespaces;

/**
 * Everything the graph says of one IRI, read with SPARQL: the resource's own triples, the statements
 * and observations about it with their citations (the graph a client asking for RDF gets), which of
 * its triples were inferred, what links to it, and the labels of every IRI the page mentions.
 *
 * <pre>
 *   EntityView v = EntityView.read(dataset, "https://w3id.org/sovecon/id/osvok");
 *   if (v.isEmpty()) ...404
 * </pre>
 */
public record EntityView(Node iri, Model description, Set<Triple> inferred, Map<Triple, Derivation> derivations,
    List<Inbound> inbound, Map<String, String> labels) {

  /** How an inferred triple was derived (one derivation each, stored by the build or recomputed): the rule and its premises. */
  public record Derivation(Node rule, List<Triple> premises) {}

  /** A resource linking to this one, and whether that link was inferred. */
  public record Inbound(Node subject, Node property, boolean inferred) {}

  static final String PREFIXES = "PREFIX sov: <" + Namespaces.SOV + ">\nPREFIX prov: <" + Namespaces.PROV + ">\n";

  /** The RDF of a resource: its triples, the statements and observations about it, their citations. */
  static final String DESCRIBE = PREFIXES + """
      CONSTRUCT { ?e ?p ?o . ?st ?sp ?so . ?c ?cp ?co . }
      WHERE {
        { ?e ?p ?o }
        UNION { { ?st sov:statementSubject ?e } UNION { ?st sov:subject ?e } ?st ?sp ?so }
        UNION { { ?st sov:statementSubject ?e } UNION { ?st sov:subject ?e } ?st prov:wasDerivedFrom ?c . ?c ?cp ?co }
        UNION { ?e prov:wasDerivedFrom ?c . ?c ?cp ?co }
      }""";

  static final String INFERRED = "SELECT ?p ?o WHERE { GRAPH <" + Namespaces.GRAPH + "inferred> { ?e ?p ?o } }";

  /** What links here: resources with a triple pointing at it, and, for a citation, what the statements citing it are about. */
  static final String INBOUND = PREFIXES + "SELECT DISTINCT ?s ?p ?inf WHERE {\n"
      + "  { ?s ?p ?e FILTER (isIRI(?s) && !STRSTARTS(STR(?s), \"" + Namespaces.STATEMENT + "\") && !STRSTARTS(STR(?s), \""
      + Namespaces.OBSERVATION + "\") && !STRSTARTS(STR(?p), \"" + Namespaces.P + "\"))\n"
      + "    OPTIONAL { GRAPH <" + Namespaces.GRAPH + "inferred> { ?s ?p ?e } BIND (true AS ?inf) } }\n"
      + "  UNION { ?st prov:wasDerivedFrom ?e . { ?st sov:statementSubject ?s } UNION { ?st sov:subject ?s } BIND (prov:wasDerivedFrom AS ?p) }\n"
      + "} ORDER BY ?p ?s LIMIT 2000";

  public static EntityView read(Dataset ds, String iri) {
    Node e = NodeFactory.createURI(iri);
    Model m;
    try (QueryExecution qe = QueryExecution.dataset(ds).query(DESCRIBE).substitution("e", org.apache.jena.rdf.model.ResourceFactory.createResource(iri)).build()) {
      m = qe.execConstruct();
    }
    m.setNsPrefixes(Namespaces.prefixes());
    Set<Triple> inferred = new HashSet<>();
    try (QueryExecution qe = QueryExecution.dataset(ds).query(INFERRED).substitution("e", org.apache.jena.rdf.model.ResourceFactory.createResource(iri)).build()) {
      qe.execSelect().forEachRemaining(s -> inferred.add(Triple.create(e, s.get("p").asNode(), s.get("o").asNode())));
    }
    // The same derivations as `./sovecon explain` and queries/explain/0-why.rq give: stored or recomputed.
    Map<Triple, Derivation> derivations = new HashMap<>();
    Explanations.derivations(ds, inferred).forEach((t, d) ->
        derivations.put(t, new Derivation(d.rule(), d.premises().stream().map(Explanations.Premise::triple).toList())));
    List<Inbound> inbound = new ArrayList<>();
    try (QueryExecution qe = QueryExecution.dataset(ds).query(INBOUND).substitution("e", org.apache.jena.rdf.model.ResourceFactory.createResource(iri)).build()) {
      qe.execSelect().forEachRemaining(s -> inbound.add(new Inbound(s.get("s").asNode(), s.get("p").asNode(), s.contains("inf"))));
    }
    Set<Node> named = new HashSet<>();
    m.listStatements().forEachRemaining(st -> {
      named.add(st.getPredicate().asNode());
      if (st.getObject().isURIResource()) named.add(st.getObject().asNode());
      if (st.getSubject().isURIResource()) named.add(st.getSubject().asNode());
    });
    inbound.forEach(i -> { named.add(i.subject()); named.add(i.property()); });
    derivations.values().forEach(d -> d.premises().forEach(t -> { named.add(t.getSubject()); named.add(t.getPredicate()); if (t.getObject().isURI()) named.add(t.getObject()); }));
    return new EntityView(e, m, inferred, derivations, inbound, labels(ds, named));
  }

  public boolean isEmpty() {
    return description.isEmpty() && inbound.isEmpty();
  }

  /** A readable name per IRI: its display label, else an English or untagged rdfs:label. */
  static Map<String, String> labels(Dataset ds, Set<Node> iris) {
    Map<String, String> out = new HashMap<>();
    if (iris.isEmpty()) return out;
    StringBuilder values = new StringBuilder();
    for (Node n : iris) values.append(org.apache.jena.riot.out.NodeFmtLib.strNT(n)).append(' ');
    String q = PREFIXES + "PREFIX rdfs: <" + Namespaces.RDFS + ">\nSELECT ?x (SAMPLE(?d) AS ?dl) (SAMPLE(?l) AS ?rl) WHERE { VALUES ?x { "
        + values + "} OPTIONAL { ?x sov:displayLabel ?d } OPTIONAL { ?x rdfs:label ?l FILTER (LANG(?l) = \"en\" || LANG(?l) = \"\") } } GROUP BY ?x";
    try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
      qe.execSelect().forEachRemaining(s -> {
        RDFNode l = s.contains("dl") ? s.get("dl") : s.get("rl");
        if (l != null) out.put(s.getResource("x").getURI(), l.asLiteral().getLexicalForm());
      });
    }
    return out;
  }
}
