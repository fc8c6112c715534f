package org.sovecon.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Terms of our ontology and of the statement pattern that the code itself relies on. Terms that only
 * the data uses (partOf, heldPost…) are looked up in the ontology by {@link org.sovecon.convert.Ontology}.
 */
public final class SOV {
  private SOV() {}

  private static Node sov(String local) {
    return NodeFactory.createURI(Namespaces.SOV + local);
  }

  // Classes
  public static final Node Statement = sov("Statement");
  public static final Node AttributedClaim = sov("AttributedClaim");
  public static final Node Citation = sov("Citation");
  public static final Node Source = sov("Source");
  public static final Node Person = sov("Person");
  public static final Node Document = sov("Document");
  /** Classes of the controlled values that coded columns name by their skos:notation. */
  public static final Node EventRole = sov("EventRole");
  public static final Node StatementRank = sov("StatementRank");
  public static final Node RankReason = sov("RankReason");
  public static final Node ValueBound = sov("ValueBound");
  public static final Node NormalRank = sov("NormalRank");
  public static final Node DeprecatedRank = sov("DeprecatedRank");

  // Provenance and citations
  public static final Node claimedBy = sov("claimedBy");
  public static final Node citedSource = sov("citedSource");
  public static final Node startLine = sov("startLine");
  public static final Node endLine = sov("endLine");
  public static final Node lines = sov("lines");
  public static final Node passage = sov("passage");
  public static final Node note = sov("note");
  public static final Node statementProperty = sov("statementProperty");
  public static final Node statementSubject = sov("statementSubject");
  public static final Node statementValue = sov("statementValue");
  public static final Node statedIn = sov("statedIn");
  public static final Node rank = sov("rank");
  public static final Node rankReason = sov("rankReason");
  public static final Node valueBound = sov("valueBound");
  public static final Node earliest = sov("earliest");
  public static final Node latest = sov("latest");
  public static final Node displayLabel = sov("displayLabel");
  public static final Node erroneousName = sov("erroneousName");

  // Sources
  public static final Node fileName = sov("fileName");
  public static final Node lineCount = sov("lineCount");
  public static final Node sha256 = sov("sha256");
  public static final Node restates = sov("restates");
  public static final Node restatesPassage = sov("restatesPassage");

  // Statistics (RDF Data Cube components)
  public static final Node refPeriod = sov("refPeriod");
  public static final Node periodStartYear = sov("periodStartYear");
  public static final Node periodEndYear = sov("periodEndYear");
  public static final Node refSubject = sov("refSubject");
  public static final Node item = sov("item");
  public static final Node status = sov("status");
  public static final Node obsValue = sov("obsValue");
  public static final Node upperValue = sov("upperValue");
  public static final Node unit = sov("unit");
  public static final Node basePeriod = sov("basePeriod");
  public static final Node structure = sov("structure");

  /** Qualifiers of a statement (Wikidata's pq:P580, P582, P585). */
  public static final Node qStart = NodeFactory.createURI(Namespaces.PQ + "start");
  public static final Node qEnd = NodeFactory.createURI(Namespaces.PQ + "end");
  public static final Node qDate = NodeFactory.createURI(Namespaces.PQ + "date");
  public static final Node qApproximate = NodeFactory.createURI(Namespaces.PQ + "approximate");
  public static final Node qUncertain = NodeFactory.createURI(Namespaces.PQ + "uncertain");
  /** What the subject did at the event, and what that act concerned (Wikidata's P2868 "subject has role"). */
  public static final Node qRole = NodeFactory.createURI(Namespaces.PQ + "role");
  public static final Node qRegarding = NodeFactory.createURI(Namespaces.PQ + "regarding");

  // Named graphs
  public static final Node graphAsserted = NodeFactory.createURI(Namespaces.GRAPH + "asserted");
  public static final Node graphInferred = NodeFactory.createURI(Namespaces.GRAPH + "inferred");
  public static final Node graphOntology = NodeFactory.createURI(Namespaces.GRAPH + "ontology");
  public static final Node graphExplanations = NodeFactory.createURI(Namespaces.GRAPH + "explanations");
  public static final Node graphClaimLinks = NodeFactory.createURI(Namespaces.GRAPH + "claim-links");

  // Explanations of inferred triples (see docs/inference.md)
  public static final Node InferenceRule = sov("InferenceRule");
  public static final Node derivedBy = sov("derivedBy");
  public static final Node premise = sov("premise");
  public static final Node premiseStatement = sov("premiseStatement");

  // Claim-to-claim links (see docs/inference.md)
  public static final Node ClaimLink = sov("ClaimLink");
  public static final Node linkKind = sov("linkKind");
  public static final Node linkFrom = sov("linkFrom");
  public static final Node linkTo = sov("linkTo");
  public static final Node linkReason = sov("linkReason");
  public static final Node independent = sov("independent");
  public static final Node curated = sov("curated");
  public static final Node corroborates = sov("corroborates");
  public static final Node contradicts = sov("contradicts");
  public static final Node restatesClaim = sov("restatesClaim");
}
