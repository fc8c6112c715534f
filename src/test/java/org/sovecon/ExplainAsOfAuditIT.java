package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.build.GraphBuild;
import org.sovecon.cli.Main;
import org.sovecon.infer.Materializer;
import org.sovecon.infer.explain.ExplanationGraph;
import org.sovecon.infer.explain.Explainer;
import org.sovecon.infer.explain.InferenceRule;
import org.sovecon.report.Explanations;
import org.sovecon.store.StoreReader;
import org.sovecon.vocab.Namespaces;
import org.sovecon.vocab.SOV;
import picocli.CommandLine;

/**
 * Issue 20 on the repository's real data: `explain`, `export --as-of`, `audit`, and the cost of
 * recording explanations (printed, not asserted: a benchmark figure).
 */
class ExplainAsOfAuditIT {
  @TempDir static Path tmp;
  static Dataset dataset;

  @BeforeAll
  static void build() throws Exception {
    dataset = TestProjects.builtStore(tmp);
  }

  @AfterAll
  static void close() {
    if (dataset != null) StoreReader.close(dataset);
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter(), err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 6];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(new String[] {"--data", TestProjects.repoRoot().resolve("data").toString(), "--store", tmp.resolve("store").toString(),
        "--sources", TestProjects.repoRoot().resolve("../shared/sources").toString()}, 0, all, args.length, 6);
    int exit = cl.execute(all);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void explainPrintsTheChainWithSources() {
    Run r = run("explain", "sv:central-control-commission-presidium", "sov:partOf", "sv:system-of-proletarian-dictatorship");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("inferred (transitive"), r.out());
    assertTrue(r.out().contains("[stated: conrad-1997 47]"), r.out());
    assertTrue(r.out().contains("[stated: bettelheim 40]"), r.out());
    assertTrue(r.out().contains("[axiom of the ontology]"), r.out());

    Run chain = run("explain", "sv:pyatakov", "sov:servedIn", "sv:osvok");
    assertTrue(chain.out().contains("property-chain") && chain.out().contains("bettelheim 2568"), chain.out());

    // The one-step hierarchy rules are not stored but recomputed, down to the citations all the same.
    Run subClass = run("explain", "sv:gosplan", "a", "org:Organization");
    assertTrue(subClass.out().contains("inferred (sub-class") && subClass.out().contains("[stated: bettelheim 49]"), subClass.out());
    Run subProperty = run("explain", "sv:stalin", "sov:tookPositionOn", "sv:trotsky");
    assertTrue(subProperty.out().contains("inferred (sub-property") && subProperty.out().contains("bettelheim 12776"), subProperty.out());

    Run notHeld = run("explain", "sv:pyatakov", "sov:servedIn", "sv:gosplan");
    assertEquals(1, notHeld.exit());
    assertTrue(notHeld.err().contains("does not hold"), notHeld.err());
    assertEquals(2, run("explain", "nope:x", "sov:partOf", "sv:y").exit());
  }

  @Test
  void exportAsOfLeavesOutWhatDidNotHoldThen() throws Exception {
    Path full = tmp.resolve("full.trig"), asOf = tmp.resolve("1927-12-01.trig");
    assertEquals(0, run("export", full.toString()).exit());
    Run r = run("export", "--as-of", "1927-12-01", asOf.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().startsWith("as of 1927-12-01: left out "), r.err());
    Dataset all = RDFDataMgr.loadDataset(full.toString()), then = RDFDataMgr.loadDataset(asOf.toString());
    Graph allAsserted = all.asDatasetGraph().getGraph(SOV.graphAsserted), thenAsserted = then.asDatasetGraph().getGraph(SOV.graphAsserted);
    Node kamenev = id("kamenev"), stalin = id("stalin"), heldPost = NodeFactory.createURI(Namespaces.SOV + "heldPost");
    // Kamenev's Politburo seat (from 1926, removed October 1926) is gone; Stalin's post (from 1922, no end) stays.
    assertTrue(allAsserted.contains(kamenev, heldPost, id("politburo-alternate-member")));
    assertFalse(thenAsserted.contains(kamenev, heldPost, id("politburo-alternate-member")));
    // and with it what was inferred from it by a sub-property step (recomputed, not stored): org:holds.
    Node holds = NodeFactory.createURI(Namespaces.ORG + "holds");
    assertTrue(all.asDatasetGraph().getGraph(SOV.graphInferred).contains(kamenev, holds, id("politburo-alternate-member")));
    assertFalse(then.asDatasetGraph().getGraph(SOV.graphInferred).contains(kamenev, holds, id("politburo-alternate-member")));
    assertTrue(thenAsserted.contains(stalin, heldPost, id("party-general-secretary")));
    assertTrue(thenAsserted.size() < allAsserted.size());
    assertTrue(then.asDatasetGraph().getGraph(SOV.graphInferred).size() < all.asDatasetGraph().getGraph(SOV.graphInferred).size());

    Path graphml = tmp.resolve("1927.graphml"), fullGraphml = tmp.resolve("full.graphml");
    assertEquals(0, run("export", "--as-of", "1927-12-01", graphml.toString()).exit());
    assertEquals(0, run("export", fullGraphml.toString()).exit());
    assertTrue(Files.size(graphml) < Files.size(fullGraphml));
    assertEquals(2, run("export", "--as-of", "December 1927", tmp.resolve("x.ttl").toString()).exit());
  }

  @Test
  void auditIsReproducibleAndKeepsMarks() throws Exception {
    Path marks = tmp.resolve("audit/marks.csv");
    Run a = run("audit", "--size", "5", "--seed", "7", "--marks", marks.toString());
    Run b = run("audit", "--size", "5", "--seed", "7", "--marks", marks.toString());
    assertEquals(0, a.exit(), a.err());
    assertEquals(a.out(), b.out(), "same data and seed, same sample");
    assertTrue(a.out().contains("[5] st:"), a.out());
    assertTrue(a.out().contains("    | "), "the cited lines are printed beside the statement when the texts are at hand");
    String first = a.out().lines().filter(l -> l.startsWith("[1] ")).findFirst().orElseThrow().substring(4).trim();
    Run marked = run("audit", "--summary", "--marks", marks.toString(), "--mark", first + "=wrong", "--note", "test");
    assertEquals(0, marked.exit(), marked.err());
    assertTrue(marked.out().contains("1 marks: 0 ok, 1 wrong"), marked.out());
    Files.writeString(marks, "statement,mark,note\n" + first + ",perhaps,\n");
    Run bad = run("audit", "--summary", "--marks", marks.toString());
    assertEquals(1, bad.exit());
    assertTrue(bad.err().contains(marks + ":2:2: 'perhaps' is not a mark"), bad.err());
  }

  @Test
  void holdsOnAnswersOverHttp() throws Exception {
    var server = org.sovecon.serve.SoveconServer.create(dataset, "127.0.0.1", 0);
    server.start();
    try {
      String q = Namespaces.sparqlPrologue() + "SELECT ?who WHERE { ?who p:heldPost ?st . ?st ps:heldPost sv:party-general-secretary ."
          + " FILTER(sov:holdsOn(?st, \"1927-12-01\"^^xsd:date)) }";
      var http = java.net.http.HttpClient.newHttpClient();
      var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.getHttpPort()
          + "/sovecon/sparql?query=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)))
          .header("Accept", "text/csv").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.body().contains(Namespaces.ID + "stalin"), r.body());
    } finally {
      server.stop();
    }
  }

  @Test
  void costOfExplanations() {
    var problems = org.sovecon.check.ProblemReporter.collecting();
    var layout = TestProjects.realData(tmp.resolve("bench"));
    GraphBuild.Result r = GraphBuild.create().project(layout).reporter(problems).infer(false).run();
    long t0 = System.nanoTime();
    Graph inferred = Materializer.infer(r.ontology(), r.asserted());
    long t1 = System.nanoTime();
    Explainer.Result result = Explainer.explain(r.ontology(), r.asserted(), inferred);
    Graph explanations = ExplanationGraph.write(result, r.asserted());
    long t2 = System.nanoTime();
    int stored = explanations.find(Node.ANY, SOV.derivedBy, Node.ANY).toList().size();
    System.out.printf("BENCHMARK explanations: inference %.1f s, explanations %.1f s; %d inferred triples, %d derivations stored, %d left to"
        + " queries/explain/0-why.rq; %d explanation triples (%.3f x the %d asserted)%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, inferred.size(), stored,
        inferred.size() - stored, explanations.size(), explanations.size() / (double) r.asserted().size(), r.asserted().size());
    assertEquals(0, result.fallback(), "every inferred triple is explained by a named rule");
    assertEquals(result.derivations().values().stream().filter(d -> !ExplanationGraph.recomputed(d)).count(), stored);
    assertTrue(explanations.size() < 0.3 * r.asserted().size(), "the explanation store stays small: " + explanations.size());
    Txn.executeRead(dataset, () -> {
      var dsg = dataset.asDatasetGraph();
      Graph storedExplanations = dsg.getGraph(SOV.graphExplanations);
      assertEquals(explanations.size(), storedExplanations.size());
      // Every inferred triple of the store is explained: by its stored derivation or by the recomputed
      // hierarchy step, both through the catalogued query that `explain` and the pages run.
      List<Triple> all = dsg.getGraph(SOV.graphInferred).find().toList();
      long q0 = System.nanoTime();
      Map<Triple, Explanations.Derivation> why = Explanations.derivations(dataset, all);
      System.out.printf("BENCHMARK explanations: 0-why.rq answers for all %d inferred triples in %.1f s%n", all.size(), (System.nanoTime() - q0) / 1e9);
      for (Triple t : all) {
        Explanations.Derivation d = why.get(t);
        assertTrue(d != null && !d.premises().isEmpty(), () -> "no derivation for " + t);
        if (storedExplanations.contains(ExplanationGraph.node(t), SOV.derivedBy, d.rule())) continue;
        assertTrue(d.rule().equals(InferenceRule.SUB_CLASS.iri()) || d.rule().equals(InferenceRule.SUB_PROPERTY.iri()), () -> t + " by " + d.rule());
        for (Explanations.Premise p : d.premises()) {
          Graph holder = dsg.getGraph(switch (p.kind()) { case ASSERTED -> SOV.graphAsserted; case INFERRED -> SOV.graphInferred; case AXIOM -> SOV.graphOntology; });
          assertTrue(holder.contains(p.triple()), () -> t + " rests on " + p + ", which the store does not hold so");
        }
      }
      assertEquals(all.size(), why.size());
    });
  }

  private static Node id(String local) {
    return NodeFactory.createURI(Namespaces.ID + local);
  }
}
