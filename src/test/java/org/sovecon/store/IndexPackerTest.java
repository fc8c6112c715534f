package org.sovecon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.query.DatasetFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database packed from one whose primary indexes alone were loaded (as the build loads) holds the same
 * records in every index as one Jena's phased loader filled in full, in fewer blocks.
 */
class IndexPackerTest {
  @TempDir Path tmp;

  private static final List<String> INDEXES = List.of("SPO", "POS", "OSP", "GSPO", "GPOS", "GOSP", "SPOG", "POSG", "OSPG");

  /**
   * 20,000 quads in four graphs and one triple, loaded in subject order as the build's graphs are, by
   * Jena's phased loader into every index or by the build's loader into the primary ones; the two
   * allocate the same node ids, so their records compare.
   */
  private Path loaded(String name, boolean everyIndex) {
    Path dir = tmp.resolve(name);
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
    var loader = everyIndex ? LoaderFactory.phasedLoader(dsg, (fmt, args) -> {})
        : new org.apache.jena.tdb2.loader.main.LoaderMain(StoreWriter.PRIMARY_INDEXES_ONLY, dsg, (fmt, args) -> {});
    loader.startBulk();
    var stream = loader.stream();
    for (int i = 0; i < 20_000; i++) {
      stream.quad(SSE.parseQuad("(<urn:g" + (i % 4) + "> <urn:s" + (i / 3) + "> <urn:p" + (i % 7) + "> \"o" + i + "\")"));
    }
    stream.triple(SSE.parseTriple("(<urn:default> <urn:p> 1)"));
    loader.finishBulk();
    TDBInternal.expel(dsg);
    return dir;
  }

  @Test
  void everyIndexIsBuiltFromThePrimariesInFewerBlocks() throws Exception {
    Path loaded = loaded("loaded", false);
    Path reference = loaded("reference", true);
    Path packed = tmp.resolve("packed");
    long written = IndexPacker.pack(loaded, packed);
    assertEquals(3 * 1 + 6 * 20_000, written, "every record of every index");
    DatasetGraph primariesOnly = DatabaseMgr.connectDatasetGraph(loaded.toString());
    try {
      Txn.executeRead(primariesOnly, () -> {
        assertFalse(tree(primariesOnly, "POSG").iterator().hasNext(), "the build's loader leaves the secondary indexes empty");
        assertTrue(tree(primariesOnly, "GSPO").iterator().hasNext());
      });
    } finally {
      TDBInternal.expel(primariesOnly);
    }
    assertFalse(Files.exists(tmp.resolve("packed-sort")), "nothing is left of the sorts");
    assertTrue(Files.isSameFile(loaded.resolve("Data-0001/nodes-data.obj"), packed.resolve("Data-0001/nodes-data.obj")),
        "the node table is linked, not copied");
    assertFalse(Files.isSameFile(loaded.resolve("Data-0001/journal.jrnl"), packed.resolve("Data-0001/journal.jrnl")),
        "each database has its own journal");

    DatasetGraph before = DatabaseMgr.connectDatasetGraph(reference.toString());
    DatasetGraph after = DatabaseMgr.connectDatasetGraph(packed.toString());
    try {
      Txn.executeRead(before, () -> Txn.executeRead(after, () -> {
        for (String name : INDEXES) {
          BPlusTree was = tree(before, name), is = tree(after, name);
          assertSameRecords(records(was), records(is), name);
          assertTrue(records(was).size() > 0, name + ": the reference has records");
          if (name.length() == 4)
            assertTrue(is.getStateManager().getRecordsBlocksLimit() * 4 < was.getStateManager().getRecordsBlocksLimit() * 3,
                name + ": " + is.getStateManager().getRecordsBlocksLimit() + " blocks packed against "
                    + was.getStateManager().getRecordsBlocksLimit() + " loaded");
        }
        // And through SPARQL, nodes and all.
        String q = "SELECT ?g ?s ?o WHERE { GRAPH ?g { ?s <urn:p3> ?o } } ORDER BY ?g ?s ?o";
        assertEquals(ResultSetFormatter.asText(QueryExecutionFactory.create(q, DatasetFactory.wrap(before)).execSelect()),
            ResultSetFormatter.asText(QueryExecutionFactory.create(q, DatasetFactory.wrap(after)).execSelect()));
        assertTrue(after.contains(Quad.defaultGraphIRI, SSE.parseNode("<urn:default>"), SSE.parseNode("<urn:p>"), SSE.parseNode("1")));
      }));
    } finally {
      TDBInternal.expel(after);
      TDBInternal.expel(before);
    }
  }

  /** With too little memory for one run, each sort spills to files and merges them: the same indexes. */
  @Test
  void sortsThatSpillGiveTheSameIndexes() throws Exception {
    Path loaded = loaded("loaded", false);
    Path inMemory = tmp.resolve("in-memory"), spilled = tmp.resolve("spilled");
    IndexPacker.pack(loaded, inMemory);
    IndexPacker.pack(loaded, spilled, 64 * 1024); // runs of a thousand or two quads: ten or more per index
    assertFalse(Files.exists(tmp.resolve("spilled-sort")), "the spilled runs are removed");
    DatasetGraph a = DatabaseMgr.connectDatasetGraph(inMemory.toString());
    DatasetGraph b = DatabaseMgr.connectDatasetGraph(spilled.toString());
    try {
      Txn.executeRead(a, () -> Txn.executeRead(b, () -> {
        for (String name : INDEXES) assertSameRecords(records(tree(a, name)), records(tree(b, name)), name);
      }));
    } finally {
      TDBInternal.expel(b);
      TDBInternal.expel(a);
    }
  }

  @Test
  void aDatabaseWithEmptyIndexesPacksToAnEmptyDatabase() throws Exception {
    Path empty = tmp.resolve("empty");
    TDBInternal.expel(DatabaseMgr.connectDatasetGraph(empty.toString()));
    Path packed = tmp.resolve("packed");
    assertEquals(0, IndexPacker.pack(empty, packed));
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(packed.toString());
    try {
      Txn.executeRead(dsg, () -> assertFalse(dsg.find().hasNext()));
    } finally {
      TDBInternal.expel(dsg);
    }
  }

  @Test
  void aFolderThatIsNoDatabaseIsRefusedByName() throws Exception {
    Path notADatabase = Files.createDirectories(tmp.resolve("nothing"));
    var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> IndexPacker.pack(notADatabase, tmp.resolve("packed")));
    assertTrue(e.getMessage().contains(notADatabase.toString()), e.getMessage());
  }

  /** The same records in the same order; a failure names the first that differs, not all of them. */
  private static void assertSameRecords(List<String> expected, List<String> actual, String index) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++)
      assertEquals(expected.get(i), actual.get(i), index + ": record " + i + " of " + expected.size());
    assertEquals(expected.size(), actual.size(), index + ": how many records");
  }

  private static BPlusTree tree(DatasetGraph dsg, String name) {
    return (BPlusTree) ((TupleIndexRecord) TDBInternal.findIndex(dsg, name)).getRangeIndex();
  }

  private static List<String> records(BPlusTree tree) {
    List<String> out = new ArrayList<>();
    tree.iterator().forEachRemaining((Record r) -> out.add(r.toString()));
    return out;
  }
}
