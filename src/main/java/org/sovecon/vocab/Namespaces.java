package org.sovecon.vocab;

import org.apache.jena.shared.PrefixMapping;

/** The only home of IRI namespace strings: every other class builds IRIs from these. */
public final class Namespaces {
  private Namespaces() {}

  public static final String BASE = "https://w3id.org/sovecon/";
  /** Classes and properties of the ontology. */
  public static final String SOV = BASE + "ontology#";
  /** Entities: people, organisations, policies… */
  public static final String ID = BASE + "id/";
  /** The source texts. */
  public static final String SOURCE = BASE + "source/";
  /** Citations: a source and a line range (Wikidata's reference nodes). */
  public static final String CITATION = BASE + "citation/";
  /** Statement nodes (Wikidata's wds:). */
  public static final String STATEMENT = BASE + "statement/";
  /** Statistical observations and data sets (RDF Data Cube). */
  public static final String OBSERVATION = BASE + "observation/";
  public static final String DATASET = BASE + "dataset/";
  /** Entity to statement node, per property (Wikidata's p:). */
  public static final String P = BASE + "prop/";
  /** Statement node to value, per property (Wikidata's ps:). */
  public static final String PS = BASE + "prop/statement/";
  /** Statement node to qualifier value (Wikidata's pq:). */
  public static final String PQ = BASE + "prop/qualifier/";
  /** Named graphs. */
  public static final String GRAPH = BASE + "graph/";
  /** A triple named so that it can be explained: an inferred triple or a premise (RDF reification). */
  public static final String TRIPLE = BASE + "triple/";
  /** The inference rules an explanation names. */
  public static final String RULE = BASE + "rule/";
  /** Links between two claims (corroborates, contradicts, restates). */
  public static final String CLAIM_LINK = BASE + "claim-link/";

  public static final String WD = "http://www.wikidata.org/entity/";
  public static final String ORG = "http://www.w3.org/ns/org#";
  public static final String PROV = "http://www.w3.org/ns/prov#";
  public static final String QB = "http://purl.org/linked-data/cube#";
  public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
  public static final String DCTERMS = "http://purl.org/dc/terms/";
  public static final String FOAF = "http://xmlns.com/foaf/0.1/";
  public static final String TIME = "http://www.w3.org/2006/time#";
  public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
  public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
  public static final String OWL = "http://www.w3.org/2002/07/owl#";

  /** The prefixes used in output files and query results. */
  public static PrefixMapping prefixes() {
    PrefixMapping pm = PrefixMapping.Factory.create();
    pm.setNsPrefix("sov", SOV);
    pm.setNsPrefix("sv", ID);
    pm.setNsPrefix("src", SOURCE);
    pm.setNsPrefix("cit", CITATION);
    pm.setNsPrefix("st", STATEMENT);
    pm.setNsPrefix("obs", OBSERVATION);
    pm.setNsPrefix("ds", DATASET);
    pm.setNsPrefix("p", P);
    pm.setNsPrefix("ps", PS);
    pm.setNsPrefix("pq", PQ);
    pm.setNsPrefix("tr", TRIPLE);
    pm.setNsPrefix("rule", RULE);
    pm.setNsPrefix("cl", CLAIM_LINK);
    pm.setNsPrefix("wd", WD);
    pm.setNsPrefix("org", ORG);
    pm.setNsPrefix("prov", PROV);
    pm.setNsPrefix("qb", QB);
    pm.setNsPrefix("skos", SKOS);
    pm.setNsPrefix("dcterms", DCTERMS);
    pm.setNsPrefix("foaf", FOAF);
    pm.setNsPrefix("time", TIME);
    pm.setNsPrefix("xsd", XSD);
    pm.setNsPrefix("rdf", RDF);
    pm.setNsPrefix("rdfs", RDFS);
    pm.setNsPrefix("owl", OWL);
    pm.lock();
    return pm;
  }

  /** The same prefixes as a SPARQL prologue, for queries written in code or typed by a user. */
  public static String sparqlPrologue() {
    StringBuilder sb = new StringBuilder();
    prefixes().getNsPrefixMap().forEach((k, v) -> sb.append("PREFIX ").append(k).append(": <").append(v).append(">\n"));
    return sb.toString();
  }
}
