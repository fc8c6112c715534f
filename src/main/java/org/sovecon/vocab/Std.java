package org.sovecon.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** Terms of the standard vocabularies that the converter writes (RDF, RDFS, SKOS, PROV, QB, DC). */
public final class Std {
  private Std() {}

  private static Node uri(String ns, String local) {
    return NodeFactory.createURI(ns + local);
  }

  public static final Node type = uri(Namespaces.RDF, "type");
  public static final Node label = uri(Namespaces.RDFS, "label");
  public static final Node comment = uri(Namespaces.RDFS, "comment");
  public static final Node prefLabel = uri(Namespaces.SKOS, "prefLabel");
  public static final Node altLabel = uri(Namespaces.SKOS, "altLabel");
  public static final Node definition = uri(Namespaces.SKOS, "definition");
  public static final Node exactMatch = uri(Namespaces.SKOS, "exactMatch");
  public static final Node closeMatch = uri(Namespaces.SKOS, "closeMatch");
  public static final Node inScheme = uri(Namespaces.SKOS, "inScheme");
  public static final Node notation = uri(Namespaces.SKOS, "notation");
  public static final Node conceptScheme = uri(Namespaces.SKOS, "ConceptScheme");
  public static final Node wasDerivedFrom = uri(Namespaces.PROV, "wasDerivedFrom");
  public static final Node dcTitle = uri(Namespaces.DCTERMS, "title");
  public static final Node dcCreator = uri(Namespaces.DCTERMS, "creator");
  public static final Node dcIdentifier = uri(Namespaces.DCTERMS, "identifier");
  public static final Node dcDescription = uri(Namespaces.DCTERMS, "description");
  public static final Node dcBibliographicCitation = uri(Namespaces.DCTERMS, "bibliographicCitation");
  public static final Node qbObservation = uri(Namespaces.QB, "Observation");
  public static final Node qbDataSet = uri(Namespaces.QB, "DataSet");
  public static final Node qbDataSetProp = uri(Namespaces.QB, "dataSet");
  public static final Node qbStructure = uri(Namespaces.QB, "structure");
  public static final Node qbDataStructureDefinition = uri(Namespaces.QB, "DataStructureDefinition");
  public static final Node qbComponent = uri(Namespaces.QB, "component");
  public static final Node qbDimension = uri(Namespaces.QB, "dimension");
  public static final Node qbMeasure = uri(Namespaces.QB, "measure");
  public static final Node qbAttribute = uri(Namespaces.QB, "attribute");
  public static final Node owlObjectProperty = uri(Namespaces.OWL, "ObjectProperty");
  public static final Node owlDatatypeProperty = uri(Namespaces.OWL, "DatatypeProperty");
  public static final Node owlAnnotationProperty = uri(Namespaces.OWL, "AnnotationProperty");
  public static final Node owlClass = uri(Namespaces.OWL, "Class");
  public static final Node owlSameAs = uri(Namespaces.OWL, "sameAs");
  public static final Node rdfsSubPropertyOf = uri(Namespaces.RDFS, "subPropertyOf");
  public static final Node rdfsRange = uri(Namespaces.RDFS, "range");
}
