package org.sovecon.serve.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.store.TextIndexFiles;

/**
 * A server's text index is opened only when asked to ({@code load()}, once the server is idle) or when
 * a search needs it: other queries never open it, and a search made before anyone asked still answers.
 */
@Timeout(60) // a search that waits for an index nothing opens would wait for ever
class DeferredIndexTest {
  static final String SEARCH = "PREFIX text: <http://jena.apache.org/text#> SELECT ?s WHERE { ?s text:query 'Osvok' }";
  static final String OSVOK = "https://w3id.org/sovecon/id/osvok";

  @TempDir Path tmp;

  Dataset served(DeferredIndex index) throws Exception {
    Model m = ModelFactory.createDefaultModel();
    m.createResource(OSVOK).addProperty(RDFS.label, "Osvok");
    TextIndexFiles.write(List.of(m.getGraph()), tmp.resolve("text-index"));
    return TextSearch.over(DatasetFactory.create(m), index);
  }

  static List<String> search(Dataset ds) {
    List<String> found = new ArrayList<>();
    try (QueryExecution q = QueryExecution.dataset(ds).query(SEARCH).build()) {
      q.execSelect().forEachRemaining(s -> found.add(s.getResource("s").getURI()));
    }
    return found;
  }

  @Test
  void otherQueriesDoNotOpenTheIndex() throws Exception {
    DeferredIndex index = new DeferredIndex(tmp.resolve("text-index"));
    Dataset ds = served(index);
    try (QueryExecution q = QueryExecution.dataset(ds).query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").build()) {
      assertEquals(1, q.execSelect().next().getLiteral("n").getInt());
    }
    Thread.sleep(200);
    assertFalse(index.isDone(), "the index was opened for a query that does not search");
  }

  @Test
  void aSearchBeforeTheIndexWasAskedForOpensItAndAnswers() throws Exception {
    DeferredIndex index = new DeferredIndex(tmp.resolve("text-index"));
    Dataset ds = served(index);
    assertEquals(List.of(OSVOK), search(ds));
    assertTrue(index.isDone());
  }

  @Test
  void aSearchWhileTheIndexIsOpeningWaitsForIt() throws Exception {
    DeferredIndex index = new DeferredIndex(tmp.resolve("text-index"));
    Dataset ds = served(index);
    index.load();
    index.load(); // a second call changes nothing
    assertEquals(List.of(OSVOK), search(ds));
  }
}
