package org.sovecon.serve.search;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.rdf.model.Resource;

/**
 * A text index that is still being loaded: the server can answer from its first second, and only a
 * query that searches the text ({@code text:query}, the search page) waits for the index. Opening it
 * (linking the build's files, loading Lucene's classes, reading its segments) takes a moment of the
 * start that no other query should wait for.
 */
final class LoadingTextIndex implements TextIndex {
  private final CompletableFuture<TextIndex> loading;
  private final Runnable demand;
  private final EntityDefinition definition;

  /** {@code definition}: what the index will index; Jena's text dataset asks for it when it is made. */
  LoadingTextIndex(CompletableFuture<TextIndex> loading, EntityDefinition definition) {
    this(loading, () -> {}, definition);
  }

  /** As above; {@code demand} starts the loading if nothing has yet, and is run before each wait for it. */
  LoadingTextIndex(CompletableFuture<TextIndex> loading, Runnable demand, EntityDefinition definition) {
    this.loading = loading;
    this.demand = demand;
    this.definition = definition;
  }

  private TextIndex index() {
    if (!loading.isDone()) demand.run();
    return loading.join();
  }

  @Override public void prepareCommit() { index().prepareCommit(); }
  @Override public void commit() { index().commit(); }
  @Override public void rollback() { index().rollback(); }
  @Override public void addEntity(Entity entity) { index().addEntity(entity); }
  @Override public void updateEntity(Entity entity) { index().updateEntity(entity); }
  @Override public void deleteEntity(Entity entity) { index().deleteEntity(entity); }
  @Override public Map<String, Node> get(String uri) { return index().get(uri); }
  @Override public EntityDefinition getDocDef() { return loading.isDone() ? index().getDocDef() : definition; }

  @Override
  public List<TextHit> query(Node property, String qs, String graphURI, String lang, int limit) {
    return index().query(property, qs, graphURI, lang, limit);
  }

  @Override
  public List<TextHit> query(Node property, String qs, String graphURI, String lang) {
    return index().query(property, qs, graphURI, lang);
  }

  @Override
  public List<TextHit> query(Node property, String qs, String graphURI, String lang, int limit, String highlight) {
    return index().query(property, qs, graphURI, lang, limit, highlight);
  }

  @Override
  public List<TextHit> query(List<Resource> props, String qs, String graphURI, String lang, int limit, String highlight) {
    return index().query(props, qs, graphURI, lang, limit, highlight);
  }

  @Override
  public List<TextHit> query(String uri, List<Resource> props, String qs, String graphURI, String lang, int limit, String highlight) {
    return index().query(uri, props, qs, graphURI, lang, limit, highlight);
  }

  @Override
  public List<TextHit> query(Node subj, List<Resource> props, String qs, String graphURI, String lang, int limit, String highlight) {
    return index().query(subj, props, qs, graphURI, lang, limit, highlight);
  }

  @Override
  public void close() {
    index().close();
  }
}
