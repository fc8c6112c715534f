package org.sovecon.report;

import java.time.LocalDate;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;
import org.sovecon.vocab.Namespaces;
import org.sovecon.vocab.Publishing;

/**
 * The dataset described for catalogues and crawlers: VoID (sizes, class and property partitions, the
 * named graphs as subsets, the link set to Wikidata) and DCAT (licence, version, sources, how to cite,
 * the files of a release). Every figure is computed from the dataset it describes.
 *
 * <pre>
 * Model m = DatasetDescription.of(published).withDistributions(files).model();
 * </pre>
 */
public final class DatasetDescription {
  /** A published file: its name, media type and size in bytes. */
  public record Distribution(String fileName, String mediaType, long bytes) {}

  private final Model model;

  private DatasetDescription(Model model) {
    this.model = model;
  }

  public Model model() {
    return model;
  }

  /** VoID's counts are xsd:integer (Jena would type a Java long as xsd:long). */
  private static org.apache.jena.rdf.model.Literal count(Model m, long n) {
    return m.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
  }

  /** DCAT's byte size is an xsd:nonNegativeInteger. */
  private static org.apache.jena.rdf.model.Literal size(Model m, long n) {
    return m.createTypedLiteral(Long.toString(n), XSDDatatype.XSDnonNegativeInteger);
  }

  public static DatasetDescription of(Dataset ds) {
    Model m = ModelFactory.createDefaultModel();
    m.setNsPrefixes(Namespaces.prefixes());
    m.setNsPrefix("void", VOID.NS);
    m.setNsPrefix("dcat", DCAT.NS);
    m.setNsPrefix("sd", Publishing.SD);
    Resource d = m.createResource(Publishing.dataset.getURI())
        .addProperty(RDF.type, VOID.Dataset)
        .addProperty(RDF.type, DCAT.Dataset)
        .addProperty(DCTerms.title, m.createLiteral("sovecon: the early Soviet economy, 1917-1932", "en"))
        .addProperty(DCTerms.description, m.createLiteral("A knowledge graph of the early Soviet economy (war communism, "
            + "the NEP, the industrialisation debates, the first five-year plan, collectivisation) built from five "
            + "scholarly texts. Every fact cites its source by document and line range and records who says what. "
            + "The texts' passages are not included.", "en"))
        .addProperty(DCTerms.license, Publishing.dataLicence)
        .addProperty(OWL.versionInfo, Release.version())
        .addProperty(m.createProperty(DCAT.NS, "version"), Release.version())
        .addProperty(DCTerms.bibliographicCitation, Release.citation())
        .addProperty(DCTerms.modified, m.createTypedLiteral(LocalDate.now().toString(), XSDDatatype.XSDdate))
        .addProperty(DCTerms.temporal, m.createLiteral("1917/1932"))
        .addProperty(VOID.uriSpace, Namespaces.ID)
        .addProperty(VOID.vocabulary, m.createResource(Namespaces.SOV))
        .addProperty(VOID.exampleResource, m.createResource(Namespaces.ID + "pyatakov"));

    long total = 0;
    for (var s : Queries.selectAll(ds, Queries.load("graph-sizes"))) {
      long n = s.getLiteral("n").getLong();
      total += n;
      d.addProperty(VOID.subset, m.createResource()
          .addProperty(RDF.type, VOID.Dataset)
          .addProperty(m.createProperty(Publishing.SD, "name"), s.getResource("g"))
          .addProperty(VOID.triples, count(m, n)));
    }
    d.addProperty(VOID.triples, count(m, total));
    var counts = Queries.selectAll(ds, Queries.load("void-counts")).get(0);
    d.addProperty(VOID.distinctSubjects, count(m, counts.getLiteral("subjects").getLong()));
    d.addProperty(VOID.distinctObjects, count(m, counts.getLiteral("objects").getLong()));
    d.addProperty(VOID.properties, count(m, counts.getLiteral("properties").getLong()));
    d.addProperty(VOID.entities, count(m, Queries.selectAll(ds, Queries.load("entity-count")).get(0).getLiteral("n").getLong()));

    var classes = Queries.selectAll(ds, Queries.load("void-classes"));
    d.addProperty(VOID.classes, count(m, classes.size()));
    for (var s : classes)
      d.addProperty(VOID.classPartition, m.createResource()
          .addProperty(VOID._class, s.getResource("class"))
          .addProperty(VOID.entities, count(m, s.getLiteral("n").getLong())));
    for (var s : Queries.selectAll(ds, Queries.load("void-properties")))
      d.addProperty(VOID.propertyPartition, m.createResource()
          .addProperty(VOID.property, s.getResource("p"))
          .addProperty(VOID.triples, count(m, s.getLiteral("n").getLong())));

    for (var s : Queries.selectAll(ds, Queries.load("sources")))
      d.addProperty(DCTerms.source, m.createResource(s.getResource("src").getURI())
          .addProperty(DCTerms.identifier, s.getLiteral("id").getLexicalForm())
          .addProperty(DCTerms.title, s.getLiteral("title")));

    long links = Queries.selectAll(ds, Queries.load("void-wikidata-links")).get(0).getLiteral("n").getLong();
    m.createResource(Publishing.wikidataLinkset.getURI())
        .addProperty(RDF.type, VOID.Linkset)
        .addProperty(VOID.subjectsTarget, d)
        .addProperty(VOID.objectsTarget, Publishing.wikidata)
        .addProperty(VOID.linkPredicate, SKOS.exactMatch)
        .addProperty(VOID.triples, count(m, links));
    d.addProperty(VOID.subset, Publishing.wikidataLinkset);
    return new DatasetDescription(m);
  }

  /** Adds the files of a release as DCAT distributions and VoID data dumps, named after the release. */
  public DatasetDescription withDistributions(List<Distribution> files) {
    Resource d = model.getResource(Publishing.dataset.getURI());
    for (Distribution f : files) {
      Resource url = model.createResource(Namespaces.BASE + "release/" + Release.version() + "/" + f.fileName());
      d.addProperty(DCAT.distribution, model.createResource()
          .addProperty(RDF.type, DCAT.Distribution)
          .addProperty(DCTerms.title, f.fileName())
          .addProperty(DCAT.downloadURL, url)
          .addProperty(DCAT.mediaType, model.createResource("https://www.iana.org/assignments/media-types/" + f.mediaType()))
          .addProperty(DCTerms.license, Publishing.dataLicence)
          .addProperty(DCAT.byteSize, size(model, f.bytes())));
      if (f.fileName().matches(".*\\.(ttl|nt|rdf|jsonld|trig|nq)$")) d.addProperty(VOID.dataDump, url);
    }
    return this;
  }

  /**
   * The SPARQL 1.1 service description of the endpoint at {@code endpointUrl}, with this description
   * of the dataset it serves (the default graph is the union of the named graphs).
   */
  public Model serviceDescription(String endpointUrl) {
    Model m = ModelFactory.createDefaultModel().add(model);
    m.setNsPrefixes(model.getNsPrefixMap());
    Resource d = m.getResource(Publishing.dataset.getURI())
        .addProperty(RDF.type, Publishing.sdDataset)
        .addProperty(VOID.sparqlEndpoint, m.createResource(endpointUrl));
    long total = d.getRequiredProperty(VOID.triples).getLong();
    d.addProperty(Publishing.defaultGraph, m.createResource().addProperty(RDF.type, Publishing.sdGraph).addProperty(VOID.triples, count(m, total)));
    for (var sub : d.listProperties(VOID.subset).toList()) {
      Resource s = sub.getResource();
      if (!s.hasProperty(Publishing.name)) continue;
      d.addProperty(Publishing.namedGraph, m.createResource()
          .addProperty(RDF.type, Publishing.NamedGraph)
          .addProperty(Publishing.name, s.getPropertyResourceValue(Publishing.name))
          .addProperty(Publishing.graph, m.createResource().addProperty(RDF.type, Publishing.sdGraph)
              .addProperty(VOID.triples, count(m, s.getRequiredProperty(VOID.triples).getLong()))));
    }
    Resource service = m.createResource()
        .addProperty(RDF.type, Publishing.Service)
        .addProperty(Publishing.endpoint, m.createResource(endpointUrl))
        .addProperty(Publishing.supportedLanguage, Publishing.SPARQL11Query)
        .addProperty(Publishing.feature, Publishing.UnionDefaultGraph)
        .addProperty(Publishing.feature, Publishing.BasicFederatedQuery)
        .addProperty(Publishing.defaultDataset, d);
    for (String f : List.of("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
        "Turtle", "N-Triples", "RDF_XML", "JSON-LD"))
      service.addProperty(Publishing.resultFormat, Publishing.format(f));
    return m;
  }
}
