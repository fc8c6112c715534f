package org.sovecon.serve;

import java.io.OutputStream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * One small query run on the store, in-process, while the server around it is still being built: it
 * loads and initialises the query engine, the store's query path and the result writers, so that the
 * first user's query does not pay for them. The query reads a handful of index entries whatever the
 * store's size, and its answer is written nowhere.
 */
public final class EngineStart {
  private EngineStart() {}

  static final String QUERY = "SELECT (COUNT(*) AS ?n) (SAMPLE(?c) AS ?some) WHERE { { SELECT ?s ?c WHERE { ?s a ?c } LIMIT 5 } }";

  /** Starts it on a daemon thread; returns at once. */
  public static Thread inBackground(Dataset store) {
    Thread t = new Thread(() -> run(store), "sovecon-engine-start");
    t.setDaemon(true);
    t.start();
    return t;
  }

  static void run(Dataset store) {
    store.begin(ReadWrite.READ);
    try (QueryExecution qe = QueryExecution.dataset(store).query(QUERY).build()) {
      ResultSetRewindable rows = qe.execSelect().rewindable();
      for (var lang : new org.apache.jena.riot.Lang[] {ResultSetLang.RS_CSV, ResultSetLang.RS_JSON}) {
        rows.reset();
        ResultSetMgr.write(OutputStream.nullOutputStream(), rows, lang);
      }
    } catch (RuntimeException e) {
      // Only a warm-up: the real queries will say what is wrong, if anything is.
    } finally {
      store.end();
    }
  }
}
