package org.sovecon.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;

/** The project's own queries, kept as .rq resources with a header saying what each is for. */
public final class Queries {
  private Queries() {}

  public static String load(String name) {
    try (InputStream in = Queries.class.getResourceAsStream("/org/sovecon/queries/" + name + ".rq")) {
      if (in == null) throw new IllegalArgumentException("no query resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a SELECT in a read transaction and hands each row to the consumer. */
  public static void select(Dataset ds, String query, Consumer<QuerySolution> each) {
    Txn.executeRead(ds, () -> {
      try (QueryExecution qe = QueryExecution.dataset(ds).query(query).build()) {
        ResultSet rs = qe.execSelect();
        while (rs.hasNext()) each.accept(rs.next());
      }
    });
  }

  /**
   * All rows of a SELECT, copied inside the read transaction: TDB2 resolves a row's values lazily,
   * so a row read after the transaction has ended would fail.
   */
  public static List<QuerySolution> selectAll(Dataset ds, String query) {
    List<QuerySolution> out = new ArrayList<>();
    select(ds, query, row -> out.add(copy(row)));
    return out;
  }

  public static QuerySolution copy(QuerySolution row) {
    QuerySolutionMap copy = new QuerySolutionMap();
    row.varNames().forEachRemaining(v -> {
      if (row.get(v) != null) copy.add(v, row.get(v));
    });
    return copy;
  }
}
