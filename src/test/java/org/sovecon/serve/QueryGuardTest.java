package org.sovecon.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sys.JenaSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryGuardTest {
  static final int B = QueryGuard.SHALLOW_TEXT;

  static {
    JenaSystem.init(); // before the SERVICE policy reads ARQ's registries
  }

  /** A guard whose parser records the thread it ran on. */
  static QueryGuard recording(AtomicReference<Thread> parsedOn, int[] parses) {
    return new QueryGuard(256 << 10, new ServicePolicy(List.of(), Duration.ofSeconds(1)), text -> {
      parses[0]++;
      parsedOn.set(Thread.currentThread());
      return QueryFactory.create(text, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
    });
  }

  @Test
  void aShallowTextIsParsedOnceOnTheCallersThread() {
    AtomicReference<Thread> on = new AtomicReference<>();
    int[] parses = {0};
    var v = recording(on, parses).check("SELECT ?s WHERE { ?s ?p ?o FILTER(?o = 1 || ?o = 2) }");
    assertInstanceOf(QueryGuard.Verdict.Accepted.class, v);
    assertEquals(1, parses[0]);
    assertEquals(Thread.currentThread(), on.get());
  }

  @Test
  void aTextWithMoreBracketsAndOperatorsIsParsedOnceOnTheLargeStack() {
    AtomicReference<Thread> on = new AtomicReference<>();
    int[] parses = {0};
    var v = recording(on, parses).check("SELECT * WHERE { ?s ?p ?o FILTER(" + "?o = 1 || ".repeat(B) + "?o = 2) }");
    assertInstanceOf(QueryGuard.Verdict.Accepted.class, v);
    assertEquals(1, parses[0]);
    assertEquals("sovecon-query-check", on.get().getName());
  }

  @Test
  void stringsIrisCommentsAndVariableNamesDoNotCount() {
    String q = """
        # a comment ((( || {{{
        SELECT ?a_b ?c WHERE { <http://example.org/a-b/c?d=(e)> ?p "(((||" . ?a_b ?p '''{{{
        !!''' }""";
    assertEquals(1, QueryGuard.structureCount(q)); // the one '{' of the group
    assertEquals(5, QueryGuard.structureCount("SELECT * { ?s <p>/^<q>|<r> ?o }")); // * { / ^ |
  }

  /**
   * Texts at the bound that nest as deeply as their brackets and operators let them, one kind each:
   * the request threads must check them without running out of stack.
   */
  static Stream<Arguments> deepestShallowTexts() {
    int n = B - 2; // leaves room for the WHERE group and one more bracket
    return Stream.of(
        Arguments.of("nested groups", "SELECT * WHERE " + "{".repeat(n) + " ?s ?p ?o " + "}".repeat(n)),
        Arguments.of("nested brackets", "SELECT * WHERE { ?s ?p ?o FILTER" + "(".repeat(n) + "?o" + ")".repeat(n) + " }"),
        Arguments.of("an or chain", "SELECT * WHERE { ?s ?p ?o FILTER(" + "?o || ".repeat((n - 1) / 2) + "?o) }"),
        Arguments.of("a sum", "SELECT * WHERE { ?s ?p ?o FILTER(?o = 1" + " + 1".repeat(n - 2) + ") }"),
        Arguments.of("negations", "SELECT * WHERE { ?s ?p ?o FILTER(" + "!".repeat(n - 1) + "?o) }"),
        Arguments.of("a sequence of groups", "SELECT * WHERE { " + "{ ?s ?p ?o } ".repeat(n) + "}"),
        Arguments.of("a chain of OPTIONALs", "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o } ".repeat(n) + "}"),
        Arguments.of("a chain of UNIONs", "SELECT * WHERE { " + "{ ?s ?p ?o } UNION ".repeat(n - 1) + "{ ?s ?p ?o } }"),
        Arguments.of("a chain of BINDs", "SELECT * WHERE { ?s ?p ?o " + IntStream.range(0, n).mapToObj(i -> "BIND(1 AS ?v" + i + ")").collect(Collectors.joining(" ")) + " }"),
        Arguments.of("a path sequence", "SELECT * WHERE { ?s " + "<p>/".repeat(n) + "<p> ?o }"),
        Arguments.of("nested paths", "SELECT * WHERE { ?s " + "(^".repeat(n / 2) + "<p>" + ")".repeat(n / 2) + " ?o }"),
        Arguments.of("nested subqueries", "SELECT * WHERE " + "{ SELECT * WHERE ".repeat(n / 2) + "{ ?s ?p ?o }" + " }".repeat(n / 2)),
        Arguments.of("a long collection", "SELECT * WHERE { ?s ?p (" + " 1".repeat(20_000) + " ) }"),
        Arguments.of("a long list in a bracket", "SELECT * WHERE { ?s ?p ?o FILTER(?o IN (" + IntStream.range(0, 20_000).mapToObj(Integer::toString).collect(Collectors.joining(", ")) + ")) }"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deepestShallowTexts")
  void theDeepestShallowTextsFitAnOrdinaryStack(String kind, String text) throws Exception {
    assertTrue(QueryGuard.structureCount(text) <= B, kind + ": " + QueryGuard.structureCount(text) + " brackets and operators");
    // Half Java's default thread stack (1 MiB on 64-bit Linux), which Jetty's request threads have.
    AtomicReference<Object> verdict = new AtomicReference<>();
    AtomicReference<Thread> on = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        verdict.set(recording(on, new int[1]).check(text));
      } catch (Throwable e) {
        verdict.set(e);
      }
    }, "small-stack", 512 << 10);
    t.start();
    t.join();
    // (The message only on failure: printing an accepted query with a long collection takes minutes.)
    assertInstanceOf(QueryGuard.Verdict.Accepted.class, verdict.get(), () -> kind + ": " + verdict.get());
    assertEquals("small-stack", on.get().getName(), "checked on the caller's thread");
    // And such a text is far from the limit: the checks on the large stack would not refuse it either.
    Query q = ((QueryGuard.Verdict.Accepted) verdict.get()).query();
    assertTrue(QueryGuard.depth(Algebra.compile(q)) < QueryGuard.MAX_DEPTH, kind);
  }

  /** A repeated text gets a copy of its first parse: the same query (as the engine compiles it), not the same object. */
  @Test
  void aRepeatedTextGetsACopyOfTheSameQueryForEveryCatalogueQuery() throws Exception {
    JenaSystem.init();
    QueryGuard guard = new QueryGuard(256 << 10, new ServicePolicy(List.of(), Duration.ofSeconds(1)));
    List<java.nio.file.Path> files;
    try (Stream<java.nio.file.Path> s = java.nio.file.Files.walk(org.sovecon.TestProjects.repoRoot().resolve("queries"))) {
      files = s.filter(f -> f.toString().endsWith(".rq")).sorted().toList();
    }
    assertTrue(files.size() > 80, "the catalogue: " + files.size());
    for (java.nio.file.Path f : files) {
      String text = java.nio.file.Files.readString(f);
      QueryGuard.Verdict first = guard.check(text), again = guard.check(text);
      if (!(first instanceof QueryGuard.Verdict.Accepted a)) {
        assertEquals(first, again, f.toString());
        continue;
      }
      Query q1 = a.query(), q2 = assertInstanceOf(QueryGuard.Verdict.Accepted.class, again, f.toString()).query();
      assertTrue(q1 != q2, "each request its own copy: " + f);
      assertEquals(q1, q2, f.toString());
      assertEquals(q1.serialize(), q2.serialize(), f.toString());
      assertEquals(Algebra.compile(q1), Algebra.compile(q2), f.toString());
    }
  }
}
