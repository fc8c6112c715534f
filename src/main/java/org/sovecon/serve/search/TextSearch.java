package org.sovecon.serve.search;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import org.apache.jena.assembler.Assembler;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Quad;

/**
 * Puts the full-text index that {@code text-index.ttl} (a jena-text assembler description) defines over
 * a read-only store, and fills it from the store, so that SPARQL's {@code text:query} works on it.
 *
 * <pre>
 *   TextSearch.Indexed s = TextSearch.index(tdb2Dataset);
 *   FusekiServer.create().add("/sovecon", s.dataset(), false) ...
 * </pre>
 */
public final class TextSearch {
  private TextSearch() {}

  /** The assembler description, a class-path resource. */
  public static final String CONFIG = "org/sovecon/serve/search/text-index.ttl";
  /** The index's node in {@link #CONFIG}. */
  public static final String INDEX = "https://w3id.org/sovecon/config/text#index";

  /** The dataset with its index, how many documents went in and how long that took. */
  public record Indexed(Dataset dataset, TextIndex index, int documents, long millis) {}

  public static Indexed index(Dataset store) {
    TextQuery.init();
    long t0 = System.nanoTime();
    TextIndex index = (TextIndex) Assembler.general().open(config().getResource(INDEX));
    EntityDefinition def = index.getDocDef();
    int n = 0;
    store.begin(ReadWrite.READ);
    try {
      var it = store.asDatasetGraph().find();
      while (it.hasNext()) {
        Quad q = it.next();
        if (def.getField(q.getPredicate()) == null) continue;
        Entity e = TextQueryFuncs.entityFromQuad(def, q);
        if (e == null) continue;
        index.addEntity(e);
        n++;
      }
    } finally {
      store.end();
    }
    index.commit();
    // No document producer: the store is read-only, so nothing would change the index.
    Dataset ds = TextDatasetFactory.create(store, index, true, null);
    return new Indexed(ds, index, n, (System.nanoTime() - t0) / 1_000_000);
  }

  static Model config() {
    Model m = ModelFactory.createDefaultModel();
    try (InputStream in = TextSearch.class.getClassLoader().getResourceAsStream(CONFIG)) {
      if (in == null) throw new IllegalStateException("missing class-path resource " + CONFIG);
      RDFDataMgr.read(m, in, Lang.TURTLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }
}
