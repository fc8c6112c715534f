package org.sovecon.serve.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.sovecon.vocab.Namespaces;

/**
 * What a reader types into the search box, asked of the full-text index: every word must match a
 * word of a name ("name" field, weighted) or of what is said of the thing ("text" field). A hit on a
 * statement (an interpretation) counts for the entity it is about. Results are ranked by score.
 *
 * <pre>
 *   List&lt;SearchQuery.Hit&gt; hits = SearchQuery.run(dataset, "Preobrazhenskii", 20);
 * </pre>
 */
public final class SearchQuery {
  private SearchQuery() {}

  public record Hit(String iri, String label, String description, double score) {}

  /** The Lucene query for what the reader typed; its syntax characters are escaped. */
  public static String lucene(String typed) {
    List<String> words = new ArrayList<>();
    for (String w : typed.strip().split("\\s+")) if (!w.isBlank()) words.add(QueryParser.escape(w));
    if (words.isEmpty()) return "";
    String all = "(+" + String.join(" +", words) + ")";
    return "name:" + all + "^4 text:" + all;
  }

  /** The SPARQL the search page runs (also a worked example of {@code text:query}). */
  public static String sparql(String lucene, int limit) {
    return "PREFIX text: <http://jena.apache.org/text#>\n"
        + "PREFIX sov: <" + Namespaces.SOV + ">\n"
        + "PREFIX dcterms: <" + Namespaces.DCTERMS + ">\n"
        + "SELECT ?e (MAX(?sc) AS ?score) (SAMPLE(?l) AS ?label) (SAMPLE(?d) AS ?desc) WHERE {\n"
        + "  (?hit ?sc) text:query (" + org.apache.jena.sparql.util.FmtUtils.stringForString(lucene) + " 200) .\n"
        + "  OPTIONAL { ?hit sov:statementSubject ?about }\n"
        + "  BIND (COALESCE(?about, ?hit) AS ?e)\n"
        + "  OPTIONAL { ?e sov:displayLabel ?l }\n"
        + "  OPTIONAL { ?e dcterms:description ?d }\n"
        + "} GROUP BY ?e ORDER BY DESC(?score) LIMIT " + limit;
  }

  public static List<Hit> run(Dataset ds, String typed, int limit) {
    String q = lucene(typed);
    List<Hit> hits = new ArrayList<>();
    if (q.isEmpty()) return hits;
    try (QueryExecution qe = QueryExecution.dataset(ds).query(sparql(q, limit)).build()) {
      qe.execSelect().forEachRemaining(s -> hits.add(hit(s)));
    }
    return hits;
  }

  private static Hit hit(QuerySolution s) {
    RDFNode e = s.get("e");
    return new Hit(e.isURIResource() ? e.asResource().getURI() : e.toString(), text(s.get("label")), text(s.get("desc")),
        s.getLiteral("score").getDouble());
  }

  private static String text(RDFNode n) {
    return n == null ? "" : n.isLiteral() ? ((Literal) n).getLexicalForm() : n.toString();
  }
}
