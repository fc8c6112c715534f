package org.sovecon.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sovecon.vocab.SOV;

/** A selection is a view of the store: what it drops is gone from every way of reading it, and nothing is copied. */
class SelectionTest {
  static final Node A = uri("asserted"), B = uri("inferred"), S = uri("citation"), O = uri("source"), P = uri("citedSource");
  Dataset store;

  static Node uri(String local) {
    return NodeFactory.createURI("https://example.org/" + local);
  }

  @BeforeEach
  void store() {
    // A TDB2 store as the build makes it: named graphs, the default graph their union.
    store = TDB2Factory.createDataset();
    store.getContext().set(TDB2.symUnionDefaultGraph, true);
    Txn.executeWrite(store, () -> {
      var g = store.asDatasetGraph();
      g.add(A, S, P, O);
      g.add(B, S, P, O); // the same triple in two graphs: once in the union
      g.add(A, S, SOV.passage, NodeFactory.createLiteral("the cited lines"));
    });
  }

  @Test
  void whatIsDroppedIsGoneFromFindAndFromQueries() {
    Dataset published = Selection.publishable().apply(store);
    Txn.executeRead(published, () -> {
      assertEquals(2, Iter.count(published.asDatasetGraph().find()), "both quads without the passage");
      assertFalse(published.asDatasetGraph().contains(Node.ANY, Node.ANY, SOV.passage, Node.ANY));
      assertFalse(published.asDatasetGraph().getDefaultGraph().contains(S, SOV.passage, Node.ANY), "nor in the union default graph");
      assertFalse(published.asDatasetGraph().getGraph(A).contains(S, SOV.passage, Node.ANY), "nor in its named graph");
      // A query reads the view, not the TDB2 store under it (ARQ would otherwise run it on the store).
      assertEquals(Set.of(P.getURI()), predicates(published, "SELECT ?p WHERE { ?s ?p ?o }"), "the default graph is the union");
      assertEquals(Set.of(P.getURI()), predicates(published, "SELECT ?p WHERE { GRAPH ?g { ?s ?p ?o } }"));
      assertEquals(1, count(published, "SELECT * WHERE { ?s ?p ?o }"), "the union has each triple once");
      assertEquals(2, count(published, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"));
    });
    // The control: the store itself has the passage, by the same queries.
    Txn.executeRead(store, () -> assertEquals(Set.of(P.getURI(), SOV.passage.getURI()), predicates(store, "SELECT ?p WHERE { ?s ?p ?o }")));
  }

  @Test
  void theViewFollowsTheStore() {
    Dataset published = Selection.publishable().apply(store);
    Txn.executeWrite(store, () -> store.asDatasetGraph().add(A, O, P, S));
    Txn.executeRead(published, () -> assertEquals(3, Iter.count(published.asDatasetGraph().find()), "no copy was taken"));
  }

  @Test
  void selectionsCompose() {
    Selection noInferred = Selection.keeping(q -> !q.getGraph().equals(B));
    Dataset both = Selection.publishable().then(noInferred).apply(store);
    Txn.executeRead(both, () -> assertEquals(List.of(Quad.create(A, S, P, O)), Iter.toList(both.asDatasetGraph().find())));
  }

  private static Set<String> predicates(Dataset ds, String query) {
    Set<String> out = new TreeSet<>();
    try (QueryExecution qe = QueryExecution.create(query, ds)) {
      qe.execSelect().forEachRemaining(s -> out.add(s.getResource("p").getURI()));
    }
    return out;
  }

  private static int count(Dataset ds, String query) {
    int n = 0;
    try (QueryExecution qe = QueryExecution.create(query, ds)) {
      for (var rs = qe.execSelect(); rs.hasNext(); rs.next()) n++;
    }
    return n;
  }
}
