package org.sovecon.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.TestProjects;
import org.sovecon.build.GraphBuild;
import org.sovecon.check.ProblemReporter;

/**
 * The streaming materializer infers, from the repository's own data, exactly the triples Jena's rule
 * engine inferred: the two graphs are set-equal. Prints the counts and both times.
 */
class MaterializerEquivalenceIT {
  @TempDir Path tmp;

  @Test
  void sameInferredGraphAsJenasRuleEngineOnTheRealData() {
    var problems = ProblemReporter.collecting();
    GraphBuild.Result r = GraphBuild.create().project(TestProjects.realData(tmp)).reporter(problems).infer(false).run();
    assertTrue(r.ok(), () -> "the repository's data must build: " + problems.problems());
    long t0 = System.nanoTime();
    Graph streamed = Materializer.infer(r.ontology(), r.asserted());
    long t1 = System.nanoTime();
    Graph jena = JenaRuleMaterializer.infer(r.ontology(), r.asserted());
    long t2 = System.nanoTime();
    List<Triple> missing = jena.find().filterDrop(streamed::contains).toList();
    List<Triple> extra = streamed.find().filterDrop(jena::contains).toList();
    System.out.printf("BENCHMARK inference on data/: %d asserted, %d ontology; streaming %d inferred in %.1f s, Jena's rule engine %d in %.1f s;"
        + " %d missing, %d extra%n", r.asserted().size(), r.ontology().size(), streamed.size(), (t1 - t0) / 1e9, jena.size(), (t2 - t1) / 1e9,
        missing.size(), extra.size());
    assertEquals(List.of(), missing.subList(0, Math.min(20, missing.size())), "inferred by Jena's rule engine only");
    assertEquals(List.of(), extra.subList(0, Math.min(20, extra.size())), "inferred by the streaming materializer only");
    assertEquals(jena.size(), streamed.size());
  }
}
