package org.sovecon.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.jena.assembler.Assembler;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;

/**
 * The full-text index of a build, as {@code text-index.ttl} (a jena-text assembler description)
 * defines it: {@code build} writes it into the build folder ({@code text-index/}) from the graphs it
 * has in memory, so that the server need not read every label back from TDB2 when it starts.
 *
 * <pre>
 *   TextIndexFiles.write(List.of(asserted, inferred, ontology), buildDir.resolve(TextIndexFiles.DIR));
 *   TextIndex mem = TextIndexFiles.assemble(null);   // an empty index in memory, same configuration
 * </pre>
 */
public final class TextIndexFiles {
  private TextIndexFiles() {}

  /** The index's folder inside a build folder. */
  public static final String DIR = "text-index";
  /** The assembler description, a class-path resource. */
  public static final String CONFIG = "org/sovecon/store/text-index.ttl";
  /** The index's node in {@link #CONFIG}. */
  public static final String INDEX = "https://w3id.org/sovecon/config/text#index";
  private static final String TEXT = "http://jena.apache.org/text#";

  /** The configured index: in memory if {@code dir} is null, else in that folder (created if missing). */
  public static TextIndex assemble(Path dir) {
    TextQuery.init();
    Model m = config();
    Resource index = m.getResource(INDEX);
    if (dir != null) {
      index.removeAll(m.createProperty(TEXT + "directory"));
      index.addProperty(m.createProperty(TEXT + "directory"), m.createResource(dir.toAbsolutePath().toUri().toString()));
    }
    return (TextIndex) Assembler.general().open(index);
  }

  /**
   * What the configured index indexes (fields and the properties that fill them), without opening an
   * index: a server builds its dataset with it while the index itself is still loading.
   */
  public static EntityDefinition entityDefinition() {
    TextQuery.init();
    Model m = config();
    Resource map = m.getResource(INDEX).getPropertyResourceValue(m.createProperty(TEXT + "entityMap"));
    return (EntityDefinition) Assembler.general().open(map);
  }

  /** Adds a document for each triple whose predicate the index maps; returns how many. */
  public static int fill(TextIndex index, Iterator<Triple> triples) {
    EntityDefinition def = index.getDocDef();
    int n = 0;
    while (triples.hasNext()) {
      Triple t = triples.next();
      if (def.getField(t.getPredicate()) == null) continue;
      Entity e = TextQueryFuncs.entityFromQuad(def, null, t.getSubject(), t.getPredicate(), t.getObject());
      if (e == null) continue;
      index.addEntity(e);
      n++;
    }
    return n;
  }

  /** Writes the index of {@code graphs} into {@code dir}. */
  public static int write(Iterable<Graph> graphs, Path dir) throws IOException {
    Files.createDirectories(dir);
    TextIndex index = assemble(dir);
    try {
      int n = 0;
      for (Graph g : graphs) n += fill(index, g.find(Node.ANY, Node.ANY, Node.ANY));
      index.commit();
      return n;
    } finally {
      index.close();
    }
  }

  static Model config() {
    Model m = ModelFactory.createDefaultModel();
    try (InputStream in = TextIndexFiles.class.getClassLoader().getResourceAsStream(CONFIG)) {
      if (in == null) throw new IllegalStateException("missing class-path resource " + CONFIG);
      RDFDataMgr.read(m, in, Lang.TURTLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }
}
