package org.sovecon.serve.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.sovecon.store.TextIndexFiles;

/** A server is set up over an index still loading; other queries run; a search waits, then finds. */
class LoadingTextIndexTest {
  static final String SEARCH = "PREFIX text: <http://jena.apache.org/text#> SELECT ?s WHERE { ?s text:query 'Osvok' }";

  @Test
  void onlySearchesWaitForTheIndex() throws Exception {
    Model m = ModelFactory.createDefaultModel();
    m.createResource("https://w3id.org/sovecon/id/osvok").addProperty(RDFS.label, "Osvok");
    Dataset data = DatasetFactory.create(m);
    CompletableFuture<TextIndex> loading = new CompletableFuture<>();

    Dataset served = TextSearch.over(data, loading); // would block here if it touched the index
    try (QueryExecution q = QueryExecution.dataset(served).query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").build()) {
      assertEquals(1, q.execSelect().next().getLiteral("n").getInt());
    }
    CompletableFuture<List<String>> search = CompletableFuture.supplyAsync(() -> {
      try (QueryExecution q = QueryExecution.dataset(served).query(SEARCH).build()) {
        List<String> found = new java.util.ArrayList<>();
        q.execSelect().forEachRemaining(s -> found.add(s.getResource("s").getURI()));
        return found;
      }
    });
    Thread.sleep(300);
    assertFalse(search.isDone(), "a search answered before the index was there");

    TextIndex index = TextIndexFiles.assemble(null);
    TextIndexFiles.fill(index, m.getGraph().find());
    index.commit();
    loading.complete(index);
    assertEquals(List.of("https://w3id.org/sovecon/id/osvok"), search.get(30, TimeUnit.SECONDS));
  }
}
