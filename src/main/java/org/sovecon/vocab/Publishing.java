package org.sovecon.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Terms for describing the dataset as a publication: the SPARQL 1.1 Service Description vocabulary,
 * the licences, and our names for the dataset and its link set. VoID, DCAT and Dublin Core terms come
 * from Jena's own vocabulary classes.
 */
public final class Publishing {
  private Publishing() {}

  public static final String SD = "http://www.w3.org/ns/sparql-service-description#";
  public static final String FORMATS = "http://www.w3.org/ns/formats/";

  /** The dataset and its link set to Wikidata, as the VoID description names them. */
  public static final Resource dataset = ResourceFactory.createResource(Namespaces.BASE + "void#sovecon");
  public static final Resource wikidataLinkset = ResourceFactory.createResource(Namespaces.BASE + "void#wikidata-links");
  public static final Resource wikidata = ResourceFactory.createResource("http://www.wikidata.org/");

  public static final Resource dataLicence = ResourceFactory.createResource("https://creativecommons.org/licenses/by/4.0/");
  public static final Resource codeLicence = ResourceFactory.createResource("https://www.apache.org/licenses/LICENSE-2.0");

  private static Resource sdClass(String local) {
    return ResourceFactory.createResource(SD + local);
  }

  private static Property sdProp(String local) {
    return ResourceFactory.createProperty(SD + local);
  }

  public static final Resource Service = sdClass("Service");
  public static final Resource SPARQL11Query = sdClass("SPARQL11Query");
  public static final Resource BasicFederatedQuery = sdClass("BasicFederatedQuery");
  public static final Resource UnionDefaultGraph = sdClass("UnionDefaultGraph");
  public static final Resource sdDataset = sdClass("Dataset");
  public static final Resource sdGraph = sdClass("Graph");
  public static final Resource NamedGraph = sdClass("NamedGraph");
  public static final Property endpoint = sdProp("endpoint");
  public static final Property supportedLanguage = sdProp("supportedLanguage");
  public static final Property feature = sdProp("feature");
  public static final Property resultFormat = sdProp("resultFormat");
  public static final Property defaultDataset = sdProp("defaultDataset");
  public static final Property defaultGraph = sdProp("defaultGraph");
  public static final Property namedGraph = sdProp("namedGraph");
  public static final Property name = sdProp("name");
  public static final Property graph = sdProp("graph");

  public static Resource format(String local) {
    return ResourceFactory.createResource(FORMATS + local);
  }
}
