package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.thaiopensource.validate.ValidationDriver;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.cli.Main;
import org.sovecon.export.Publication;
import org.sovecon.export.RdfExport;
import org.sovecon.export.Selection;
import org.sovecon.export.network.Network;
import org.sovecon.export.network.NetworkPreset;
import org.sovecon.export.network.NetworkReader;
import org.sovecon.report.Release;
import org.sovecon.serve.SoveconServer;
import org.sovecon.store.StoreReader;
import org.sovecon.vocab.Publishing;
import org.sovecon.vocab.SOV;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A release written from the real data, checked as its users would: no dump carries the source texts
 * (../shared/tools/source-overlap), every RDF dump parses back with Jena and with rapper to what was
 * selected, every network file validates against its schema (../shared/schemas) and loads in NetworkX
 * and igraph with no edge merged, the VoID description's figures are the data's, and the server
 * describes its endpoint.
 */
class ExportIT {
  @TempDir static Path tmp;
  static Dataset store;
  static Dataset published;
  static List<Publication.Output> release;
  static Network whole;

  @BeforeAll
  static void build() throws Exception {
    store = TestProjects.builtStore(tmp.resolve("build"));
    published = Selection.publishable().apply(store);
    release = Publication.write(published, tmp.resolve("release"));
    whole = NetworkReader.read(published);
  }

  @AfterAll
  static void close() {
    if (store != null) StoreReader.close(store);
  }

  static Path shared() {
    return TestProjects.repoRoot().resolve("../shared").normalize();
  }

  static List<Path> files(String... extensions) {
    return release.stream().map(Publication.Output::file)
        .filter(f -> List.of(extensions).stream().anyMatch(x -> f.getFileName().toString().endsWith("." + x))).toList();
  }

  /** The RDF dumps of the release: {@code sovecon-VERSION.EXT}, one per format. */
  static List<Path> dumps() {
    List<Path> out = release.stream().map(Publication.Output::file)
        .filter(f -> f.getFileName().toString().matches(java.util.regex.Pattern.quote(Release.fileStem()) + "\\.[a-z]+")).toList();
    assertEquals(Publication.RDF_FORMATS.size(), out.size(), "one dump per RDF format: " + out);
    return out;
  }

  // ---- 1. No passage of the source texts

  @Test
  void noDumpCarriesThePassagesOfTheSourceTexts() throws Exception {
    Path tool = shared().resolve("tools/source-overlap"), sources = shared().resolve("sources");
    ExternalTools.require(Files.isRegularFile(tool) && Files.isDirectory(sources), "../shared/tools/source-overlap and ../shared/sources");
    Txn.executeRead(published, () -> assertFalse(published.asDatasetGraph().find(null, null, SOV.passage, null).hasNext()));
    // The selection is a view of the store: queries over it must not reach the store beneath.
    String anyPassage = "ASK { ?citation <" + SOV.passage.getURI() + "> ?text }";
    Txn.executeRead(store, () -> assertTrue(QueryExecution.create(anyPassage, store).execAsk(), "the store has passages"));
    Txn.executeRead(published, () -> assertFalse(QueryExecution.create(anyPassage, published).execAsk(), "a query over the selection saw a passage"));

    Path repo = gitRepoOf(tmp.resolve("overlap-release"), release.stream().map(Publication.Output::file).toList());
    var run = ExternalTools.run(repo, List.of("python3", tool.toString(), "--sources", sources.toString(), "."));
    assertEquals(0, run.exit(), "source-overlap found copied passages:\n" + run.out() + run.err());

    // The check can fail: the store itself, passages included, is caught.
    Path everything = tmp.resolve("with-passages.ttl");
    RdfExport.write(Selection.everything().apply(store), everything, RDFFormat.TURTLE);
    Path control = gitRepoOf(tmp.resolve("overlap-control"), List.of(everything));
    var caught = ExternalTools.run(control, List.of("python3", tool.toString(), "--sources", sources.toString(), "."));
    assertEquals(1, caught.exit(), caught.out() + caught.err());
    assertTrue(caught.out().contains("words copied from a source text"), caught.out());
  }

  /**
   * A git repository holding the files, each cut at line ends into parts of at most 15 MB: the tool
   * reads what git tracks and skips files over 20 MB.
   */
  static Path gitRepoOf(Path repo, List<Path> files) throws Exception {
    Files.createDirectories(repo);
    for (Path f : files) {
      int part = 0;
      long size = 0;
      BufferedWriter w = null;
      try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        for (String line; (line = r.readLine()) != null; ) {
          if (w == null || size > 15_000_000) {
            if (w != null) w.close();
            w = Files.newBufferedWriter(repo.resolve(f.getFileName() + ".part" + part++), StandardCharsets.UTF_8);
            size = 0;
          }
          w.write(line);
          w.newLine();
          size += line.length() + 1;
        }
      } finally {
        if (w != null) w.close();
      }
    }
    assertEquals(0, ExternalTools.run(repo, List.of("git", "init", "-q")).exit());
    assertEquals(0, ExternalTools.run(repo, List.of("git", "add", "-A")).exit());
    return repo;
  }

  // ---- 4. Every RDF dump parsed back by an independent parser

  @Test
  void rdfDumpsParseBackWithJenaToWhatWasSelected() {
    DatasetGraph expected = copy(published);
    Model union = ModelFactory.createModelForGraph(unionOf(expected));
    for (Path f : dumps()) {
      var format = RdfExport.formatFor(f).orElseThrow();
      if (format.supportsContexts()) {
        Dataset back = RDFDataMgr.loadDataset(f.toString());
        expected.listGraphNodes().forEachRemaining(g -> assertTrue(
            expected.getGraph(g).isIsomorphicWith(back.asDatasetGraph().getGraph(g)), f + " graph " + g));
        assertEquals(expected.stream().count(), back.asDatasetGraph().stream().count(), f.toString());
      } else {
        assertTrue(union.isIsomorphicWith(RDFDataMgr.loadModel(f.toString())), f + ": the union of the graphs");
      }
    }
  }

  @Test
  void rdfDumpsParseBackWithRapper() throws Exception {
    ExternalTools.require(ExternalTools.works(List.of("rapper", "--version")), "rapper (Debian raptor2-utils)");
    DatasetGraph expected = copy(published);
    var unionGraph = unionOf(expected);
    // rapper has no JSON-LD parser; the JSON-LD dump is checked by Jena above.
    Map<String, String> syntax = Map.of("ttl", "turtle", "nt", "ntriples", "rdf", "rdfxml", "trig", "trig", "nq", "nquads");
    for (Path f : dumps()) {
      if (f.toString().endsWith(".jsonld")) continue;
      String ext = f.getFileName().toString().replaceAll(".*\\.", "");
      boolean quads = ext.equals("trig") || ext.equals("nq");
      var run = ExternalTools.run(null, List.of("rapper", "-q", "-i", syntax.get(ext), "-o", quads ? "nquads" : "ntriples", f.toString()));
      assertEquals(0, run.exit(), "rapper on " + f + ": " + run.err());
      if (quads) {
        DatasetGraph back = DatasetGraphFactory.create();
        RDFParser.fromString(run.out(), Lang.NQUADS).parse(back);
        assertEquals(expected.stream().count(), back.stream().count(), "quads of " + f + " as rapper reads them");
        sample(expected.stream().toList()).forEach(q -> assertTrue(back.contains(q), f + " lacks " + q));
      } else {
        var back = RDFParser.fromString(run.out(), Lang.NTRIPLES).toGraph();
        assertEquals(unionGraph.size(), back.size(), "triples of " + f + " as rapper reads them");
        sample(unionGraph.find().toList()).forEach(t -> assertTrue(back.contains(t), f + " lacks " + t));
      }
    }
  }

  @Test
  void theDescriptionParsesWithRapperToWhatJenaReads() throws Exception {
    ExternalTools.require(ExternalTools.works(List.of("rapper", "--version")), "rapper (Debian raptor2-utils)");
    Path voidFile = files("ttl").stream().filter(p -> p.toString().endsWith("-void.ttl")).findFirst().orElseThrow();
    var run = ExternalTools.run(null, List.of("rapper", "-q", "-i", "turtle", "-o", "ntriples", voidFile.toString()));
    assertEquals(0, run.exit(), run.err());
    var back = RDFParser.fromString(run.out(), Lang.NTRIPLES).toModel();
    assertTrue(back.isIsomorphicWith(RDFDataMgr.loadModel(voidFile.toString())));
  }

  /** Every 97th item without blank nodes (whose labels a parser renames). */
  static <T> List<T> sample(List<T> items) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += 97) {
      T x = items.get(i);
      Triple t = x instanceof Quad q ? q.asTriple() : (Triple) x;
      if (!t.getSubject().isBlank() && !t.getObject().isBlank()) out.add(x);
    }
    assertTrue(out.size() > 1000, "sample of " + out.size());
    return out;
  }

  static DatasetGraph copy(Dataset ds) {
    DatasetGraph out = DatasetGraphFactory.create();
    Txn.executeRead(ds, () -> ds.asDatasetGraph().find().forEachRemaining(out::add));
    return out;
  }

  static org.apache.jena.graph.Graph unionOf(DatasetGraph dsg) {
    var g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    dsg.find().forEachRemaining(q -> g.add(q.asTriple()));
    return g;
  }

  // ---- 3. Networks

  @Test
  void networkFilesValidateAgainstTheirSchemas() throws Exception {
    Path schemas = shared().resolve("schemas");
    ExternalTools.require(Files.isDirectory(schemas), "../shared/schemas");
    var xsd = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    var gexfXsd = xsd.newSchema(schemas.resolve("gexf-1.3/gexf.xsd").toFile());
    var graphmlXsd = xsd.newSchema(schemas.resolve("graphml/graphml.xsd").toFile());
    for (Path f : files("gexf")) {
      gexfXsd.newValidator().validate(new StreamSource(f.toFile()));
      StringWriter errors = new StringWriter();
      var props = new com.thaiopensource.util.PropertyMapBuilder();
      props.put(com.thaiopensource.validate.ValidateProperty.ERROR_HANDLER,
          new com.thaiopensource.xml.sax.ErrorHandlerImpl(new PrintWriter(errors)));
      ValidationDriver rng = new ValidationDriver(props.toPropertyMap());
      assertTrue(rng.loadSchema(ValidationDriver.fileInputSource(schemas.resolve("gexf-1.3/gexf.rng").toFile())));
      assertTrue(rng.validate(ValidationDriver.fileInputSource(f.toFile())), f + ": " + errors);
    }
    for (Path f : files("graphml")) graphmlXsd.newValidator().validate(new StreamSource(f.toFile()));
    assertEquals(NetworkPreset.values().length, files("gexf").size());
    assertEquals(NetworkPreset.values().length, files("graphml").size());
  }

  @Test
  void networksLoadInNetworkxAndIgraphWithNoEdgeMerged() throws Exception {
    var python = ExternalTools.pythonWithNetworkLibraries();
    ExternalTools.require(python.isPresent(), "Python 3 with NetworkX and igraph (Debian python3-networkx, python3-igraph)");
    Path script = TestProjects.resource("network/load.py");
    List<String> command = new ArrayList<>(List.of(python.get(), script.toString()));
    List<Path> inputs = new ArrayList<>(files("gexf", "graphml", "cyjs"));
    inputs.addAll(release.stream().map(Publication.Output::file).filter(f -> f.toString().endsWith("-edges.csv")).toList());
    inputs.forEach(f -> command.add(f.toString()));
    var run = ExternalTools.run(null, command);
    assertEquals(0, run.exit(), run.err());
    var loaded = JSON.parse(run.out());
    int checks = 0;
    for (NetworkPreset p : NetworkPreset.values()) {
      Network n = p.of(whole);
      assertEquals(n.edges().size(), n.edges().stream().map(Network.Edge::id).distinct().count(), p + ": edge ids unique");
      for (Path f : inputs) {
        String name = f.getFileName().toString();
        if (!name.startsWith(Release.fileStem() + "-" + p.id() + ".") && !name.equals(Release.fileStem() + "-" + p.id() + "-edges.csv")) continue;
        var libs = loaded.get(f.toString()).getAsObject();
        assertFalse(libs.isEmpty(), name);
        for (String lib : libs.keys()) {
          var counts = libs.get(lib).getAsArray();
          assertEquals(n.nodes().size(), counts.get(0).getAsNumber().value().intValue(), lib + " nodes of " + name);
          assertEquals(n.edges().size(), counts.get(1).getAsNumber().value().intValue(), lib + " edges of " + name);
          checks++;
        }
      }
    }
    // 5 networks: GEXF, GraphML, Cytoscape.js and CSV with NetworkX, GraphML and CSV with igraph
    assertEquals(NetworkPreset.values().length * 6, checks);
  }

  @Test
  void gexfIsDynamicWithClosedIntervalsAndEveryEdgeSaysWhereItComesFrom() throws Exception {
    Path f = files("gexf").stream().filter(p -> p.getFileName().toString().endsWith("-all.gexf")).findFirst().orElseThrow();
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
    Element graph = (Element) doc.getElementsByTagName("graph").item(0);
    assertEquals("dynamic", graph.getAttribute("mode"));
    assertEquals("date", graph.getAttribute("timeformat"));
    assertEquals("1917-01-01", graph.getAttribute("start"));
    assertEquals("1932-12-31", graph.getAttribute("end"));
    int datedNodes = 0, datedEdges = 0, claims = 0;
    for (String tag : List.of("node", "edge")) {
      NodeList list = doc.getElementsByTagName(tag);
      for (int i = 0; i < list.getLength(); i++) {
        Element e = (Element) list.item(i);
        assertEquals(e.hasAttribute("start"), e.hasAttribute("end"), "a closed interval: " + e.getAttribute("id"));
        if (!e.hasAttribute("start")) continue;
        LocalDate s = LocalDate.parse(e.getAttribute("start")), t = LocalDate.parse(e.getAttribute("end"));
        assertFalse(s.isAfter(t), e.getAttribute("id") + " " + s + " > " + t);
        assertFalse(s.isBefore(Network.PERIOD_START) || t.isAfter(Network.PERIOD_END), e.getAttribute("id"));
        if (tag.equals("node")) datedNodes++;
        else datedEdges++;
      }
    }
    NodeList edges = doc.getElementsByTagName("edge");
    Map<String, Integer> parallel = new HashMap<>();
    Set<String> ids = new HashSet<>(), pairKinds = new HashSet<>();
    for (int i = 0; i < edges.getLength(); i++) {
      Element e = (Element) edges.item(i);
      assertTrue(ids.add(e.getAttribute("id")), "duplicate edge id " + e.getAttribute("id"));
      assertFalse(e.getAttribute("kind").isEmpty(), e.getAttribute("id"));
      // Gephi keeps one edge per pair of nodes and kind: no two edges may share them.
      assertTrue(pairKinds.add(e.getAttribute("source") + " " + e.getAttribute("target") + " " + e.getAttribute("kind")),
          "Gephi would merge edge " + e.getAttribute("id"));
      Map<String, String> values = new HashMap<>();
      NodeList av = e.getElementsByTagName("attvalue");
      for (int j = 0; j < av.getLength(); j++)
        values.put(((Element) av.item(j)).getAttribute("for"), ((Element) av.item(j)).getAttribute("value"));
      for (String key : List.of("property", "document", "lines", "rank", "statement"))
        assertTrue(values.containsKey(key), e.getAttribute("id") + " has no " + key);
      if (values.get("edge_kind").equals("claim")) {
        claims++;
        assertTrue(values.containsKey("claimant"), e.getAttribute("id") + " is a claim without its claimant");
      }
      parallel.merge(e.getAttribute("source") + " " + e.getAttribute("target"), 1, Integer::sum);
    }
    assertTrue(datedNodes > 200 && datedEdges > 1000, "dated nodes " + datedNodes + ", edges " + datedEdges);
    assertTrue(claims > 2000, "claims " + claims);
    assertTrue(parallel.values().stream().anyMatch(n -> n > 1), "the data has parallel edges, and they are all kept");
  }

  @Test
  void periodFilterFromTheCommandLineKeepsOnlyEdgesOfThePeriod() throws Exception {
    Path out = tmp.resolve("period/people-bodies.csv");
    int exit = Main.commandLine().execute("export", out.toString(), "--network", "people-bodies", "--from", "1921",
        "--to", "1925", "--store", tmp.resolve("build/store").toString());
    assertEquals(0, exit);
    List<String> lines = Files.readAllLines(tmp.resolve("period/people-bodies-edges.csv"));
    assertTrue(lines.size() > 5, "edges in 1921-1925: " + (lines.size() - 1));
    List<String> header = List.of(lines.get(0).split(","));
    int start = header.indexOf("start"), end = header.indexOf("end");
    try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(Files.newBufferedReader(tmp.resolve("period/people-bodies-edges.csv")))) {
      for (var r : parser) {
        assertFalse(LocalDate.parse(r.get(end)).isBefore(LocalDate.of(1921, 1, 1)), r.toString());
        assertFalse(LocalDate.parse(r.get(start)).isAfter(LocalDate.of(1925, 12, 31)), r.toString());
      }
    }
    assertTrue(start > 0 && end > 0);
    long all = NetworkPreset.PEOPLE_BODIES.of(whole).edges().size();
    assertTrue(lines.size() - 1 < all, "the period keeps fewer than all " + all + " edges");
  }

  // ---- 2. Metadata

  @Test
  void voidDescriptionStatesTheDataAndListsEveryFile() {
    Path voidFile = files("ttl").stream().filter(p -> p.toString().endsWith("-void.ttl")).findFirst().orElseThrow();
    Model m = RDFDataMgr.loadModel(voidFile.toString());
    Resource d = m.getResource(Publishing.dataset.getURI());
    assertTrue(d.hasProperty(RDF.type, VOID.Dataset) && d.hasProperty(RDF.type, DCAT.Dataset));
    long quads = Txn.calculateRead(published, () -> published.asDatasetGraph().stream().count());
    assertEquals(quads, d.getRequiredProperty(VOID.triples).getLong());
    assertEquals(Release.version(), d.getRequiredProperty(OWL.versionInfo).getString());
    assertTrue(d.hasProperty(DCTerms.license, Publishing.dataLicence));
    assertEquals(5, d.listProperties(DCTerms.source).toList().size());
    assertTrue(d.listProperties(VOID.classPartition).toList().size() > 20);
    assertTrue(d.listProperties(VOID.propertyPartition).toList().size() > 100);
    Resource links = m.getResource(Publishing.wikidataLinkset.getURI());
    assertTrue(links.getRequiredProperty(VOID.triples).getLong() > 20);
    assertTrue(d.getRequiredProperty(DCTerms.bibliographicCitation).getString().contains(Release.version()));
    Map<String, Long> sizes = new HashMap<>();
    d.listProperties(DCAT.distribution).forEachRemaining(s -> sizes.put(
        s.getResource().getRequiredProperty(DCTerms.title).getString(), s.getResource().getRequiredProperty(DCAT.byteSize).getLong()));
    for (var o : release)
      if (!o.file().equals(voidFile)) assertEquals(o.bytes(), sizes.get(o.file().getFileName().toString()), o.file().toString());
    assertEquals(release.size() - 1, sizes.size());
  }

  @Test
  void theEndpointDescribesItselfWithTheServiceDescriptionVocabulary() throws Exception {
    var server = SoveconServer.create(store, "127.0.0.1", 0);
    server.start();
    try {
      String endpoint = "http://127.0.0.1:" + server.getPort() + "/sovecon/sparql";
      var http = HttpClient.newHttpClient();
      var answer = http.send(HttpRequest.newBuilder(URI.create(endpoint)).header("Accept", "text/turtle").build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode(), answer.body());
      assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
      Model sd = RDFParser.fromString(answer.body(), Lang.TURTLE).toModel();
      Resource service = sd.listSubjectsWithProperty(RDF.type, Publishing.Service).next();
      assertEquals(endpoint, service.getPropertyResourceValue(Publishing.endpoint).getURI());
      assertTrue(service.hasProperty(Publishing.supportedLanguage, Publishing.SPARQL11Query));
      Resource dataset = service.getPropertyResourceValue(Publishing.defaultDataset);
      long quads = Txn.calculateRead(store, () -> store.asDatasetGraph().stream().count());
      assertEquals(quads, dataset.getPropertyResourceValue(Publishing.defaultGraph).getRequiredProperty(VOID.triples).getLong());
      // One sd:namedGraph per graph of the store (asserted, inferred, ontology, explanations, claim links).
      long graphs = Txn.calculateRead(store, () -> org.apache.jena.atlas.iterator.Iter.count(store.asDatasetGraph().listGraphNodes()));
      assertEquals(graphs, dataset.listProperties(Publishing.namedGraph).toList().size());
      assertTrue(dataset.hasProperty(DCTerms.license, Publishing.dataLicence));
      // A query at the same URL is still a query.
      var ask = http.send(HttpRequest.newBuilder(URI.create(endpoint + "?query=ASK%7B%7D"))
          .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ask.statusCode());
      assertTrue(JSON.parse(ask.body()).get("boolean").getAsBoolean().value());
    } finally {
      server.stop();
    }
  }
}
