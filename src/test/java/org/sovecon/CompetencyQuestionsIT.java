package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.store.StoreReader;

/**
 * The query catalogue: the historians' questions (../shared/questions.md) in queries/competency/,
 * and the other queries in queries/, each with a header saying what the answer must contain: {@code # expect: var = value} means some result row
 * binds var to value (an IRI by its last segment, a literal by its lexical form).
 */
class CompetencyQuestionsIT {
  @TempDir static Path tmp;
  static Dataset dataset;
  /** The store with its full-text index, as the server serves it (queries/search/ use text:query). */
  static Dataset served;
  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*(\\w+)\\s*=\\s*(.+?)\\s*$");

  @BeforeAll
  static void build() throws IOException {
    dataset = TestProjects.builtStore(tmp);
    served = org.sovecon.serve.search.TextSearch.index(dataset).dataset();
  }

  @AfterAll
  static void close() {
    if (dataset != null) StoreReader.close(dataset);
  }

  static Stream<Path> queries() throws IOException {
    try (Stream<Path> s = Files.walk(TestProjects.repoRoot().resolve("queries"))) {
      // queries/wikidata/ call Wikidata's endpoint: WikidataFederationIT runs them against a stand-in.
      Path wikidata = TestProjects.repoRoot().resolve("queries/wikidata");
      return s.filter(p -> p.toString().endsWith(".rq") && !p.startsWith(wikidata)).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("queries")
  void answers(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String[]> expects = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = EXPECT.matcher(line);
      if (m.matches()) expects.add(new String[] {m.group(1), m.group(2)});
    }
    assertFalse(expects.isEmpty(), file.getFileName() + " says nothing about its answer");
    List<QuerySolution> rows = new ArrayList<>();
    Txn.executeRead(served, () -> {
      try (QueryExecution qe = QueryExecution.dataset(served).query(text).build()) {
        qe.execSelect().forEachRemaining(row -> rows.add(org.sovecon.report.Queries.copy(row)));
      }
    });
    for (String[] e : expects) {
      boolean found = rows.stream().anyMatch(r -> r.contains(e[0]) && shown(r.get(e[0])).equals(e[1]));
      assertTrue(found, () -> file.getFileName() + ": no row with ?" + e[0] + " = " + e[1] + " in " + show(rows));
    }
  }

  private static String show(List<QuerySolution> rows) {
    List<String> out = new ArrayList<>();
    for (QuerySolution r : rows) {
      List<String> cells = new ArrayList<>();
      r.varNames().forEachRemaining(v -> cells.add(v + "=" + shown(r.get(v))));
      out.add(String.join(" ", cells));
    }
    return out.toString();
  }

  private static String shown(RDFNode n) {
    if (n.isLiteral()) return n.asLiteral().getLexicalForm();
    if (n.isURIResource()) {
      String u = n.asResource().getURI();
      return u.substring(Math.max(u.lastIndexOf('/'), u.lastIndexOf('#')) + 1);
    }
    return n.toString();
  }
}
