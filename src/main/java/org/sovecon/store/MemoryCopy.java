package org.sovecon.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.mem2.GraphMem2Fast;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdInline;

/**
 * A built store copied into memory for serving. A finished build never changes, and at the sizes of
 * this project (a few hundred thousand quads) hashed in-memory indexes answer the catalogue about 1.6×
 * faster than TDB2's B+trees (geometric mean of CPU time per query; the heavy queries 2-7×; see
 * docs/benchmarks.md): profiling the server showed over half of its time in B+tree and node-table
 * access. The copy keeps the named graphs and, as the default graph, their union (distinct
 * triples, as TDB2's union default graph gives), so every query answers exactly as over the store.
 *
 * <p>The build also writes its graphs as one RDF Thrift file beside the database ({@link #FILE}):
 * parsing it is much faster than reading every quad back out of TDB2, whose node table is read a few
 * bytes at a time.
 */
public final class MemoryCopy {
  private MemoryCopy() {}

  /** The file's name inside a build folder. */
  public static final String FILE = "quads.rt";

  /** From the build's RDF Thrift file when it has one, else from the store itself. */
  public static Dataset of(Dataset store, Optional<Path> image) {
    return image.isPresent() ? read(image.get()) : of(store);
  }

  public static Dataset of(Dataset store) {
    DatasetGraph source = store.asDatasetGraph();
    Copy copy = new Copy();
    Txn.executeRead(source, () -> source.find().forEachRemaining(copy::quad));
    return copy.dataset();
  }

  public static Dataset read(Path file) {
    Copy copy = new Copy();
    stream(file, copy);
    return copy.dataset();
  }

  /** Sends the quads of an RDF Thrift file written by {@link #write} to {@code sink}, as they were written. */
  public static void stream(Path file, StreamRDF sink) {
    // Thrift reads a byte at a time: it needs a buffered stream under it.
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      // Unchecked: the build wrote these terms from graphs it had already checked.
      RDFParser.source(in).lang(RDFLanguages.RDFTHRIFT).checking(false).parse(sink);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the graphs (name to graph; null graphs skipped) into {@code buildDir}/{@value #FILE}. */
  public static void write(Map<Node, Graph> graphs, Path buildDir) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(buildDir.resolve(FILE)), 1 << 16)) {
      StreamRDF stream = StreamRDFWriter.getWriterStream(out, RDFFormat.RDF_THRIFT);
      stream.start();
      graphs.forEach((name, g) -> {
        if (g != null) g.find().forEachRemaining(t -> stream.quad(Quad.create(name, t)));
      });
      stream.finish();
    }
  }

  /** The file beside the TDB2 database folder {@code db}, if its build wrote one. */
  public static Optional<Path> besideDatabase(Path db) {
    Path f = db.toAbsolutePath().getParent().resolve(FILE);
    return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
  }

  /** Quads in a store, to decide whether it is small enough to serve from memory. */
  public static long quads(Dataset store) {
    DatasetGraph dsg = store.asDatasetGraph();
    return Txn.calculateRead(dsg, () -> {
      long n = 0;
      for (var it = dsg.listGraphNodes(); it.hasNext(); ) {
        Node g = it.next();
        n += dsg.getGraph(g).size();
      }
      return n;
    });
  }

  /** Named graphs in memory plus their union as the default graph, filled quad by quad. */
  private static final class Copy extends StreamRDFBase {
    private final Graph union = new GraphMem2Fast();
    private final DatasetGraph dsg = DatasetGraphFactory.createGeneral(union);
    private Node lastName;
    private Graph last;

    @Override
    public void quad(Quad q) {
      Node name = q.getGraph();
      if (Quad.isDefaultGraph(name) || Quad.isUnionGraph(name)) return; // the union is made here, from the named graphs
      if (!name.equals(lastName)) {
        if (!dsg.containsGraph(name)) dsg.addGraph(name, new GraphMem2Fast());
        last = dsg.getGraph(name);
        lastName = name;
      }
      Triple t = Triple.create(q.getSubject(), q.getPredicate(), asTheStoreGivesIt(q.getObject()));
      last.add(t);
      union.add(t);
    }

    /**
     * TDB2 keeps small numbers, dates and booleans as values and gives back their canonical form
     * ("200" as 200.0 for a decimal); the file keeps the form the build wrote. The copy gives what the
     * store gives, so that every answer, lexical forms included, is the same.
     */
    private static Node asTheStoreGivesIt(Node o) {
      if (!o.isLiteral()) return o;
      NodeId id = NodeIdInline.inline(o);
      return id == null ? o : NodeIdInline.extract(id);
    }

    Dataset dataset() {
      return DatasetFactory.wrap(dsg);
    }
  }
}
