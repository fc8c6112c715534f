package org.sovecon.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.sovecon.check.CycleCheck;
import org.sovecon.check.DuplicateCandidates;
import org.sovecon.check.FollowOns;
import org.sovecon.check.Problem;
import org.sovecon.check.ProblemCode;
import org.sovecon.check.ProblemReporter;
import org.sovecon.check.NoteCheck;
import org.sovecon.check.ShapeCheck;
import org.sovecon.convert.Converter;
import org.sovecon.convert.Index;
import org.sovecon.convert.Ontology;
import org.sovecon.convert.OriginIndex;
import org.sovecon.convert.SourceTexts;
import org.sovecon.infer.Materializer;
import org.sovecon.infer.explain.ExplanationGraph;
import org.sovecon.infer.explain.Explainer;
import org.sovecon.infer.links.ClaimLinks;
import org.sovecon.table.Inputs;
import org.sovecon.table.TableKind;

/**
 * The chain read → validate → convert → (infer), in memory. {@code validate} stops before
 * inference; {@code build} hands the result to the store.
 *
 * <pre>
 *   GraphBuild.Result r = GraphBuild.create().project(layout).reporter(rep).infer(true).run();
 *   if (r.ok()) StoreWriter.write(r, …);
 * </pre>
 */
public final class GraphBuild {

  /** What a run produced. The graphs are null when the run failed. */
  public record Result(boolean ok, Graph ontology, Graph asserted, Graph inferred, Index index,
      long facts, long observations, Graph explanations, Graph claimLinks) {}

  private ProjectLayout layout;
  private ProblemReporter reporter;
  private boolean infer = true;
  private Stages stages = new Stages();

  private GraphBuild() {}

  public static GraphBuild create() {
    return new GraphBuild();
  }

  public GraphBuild project(ProjectLayout layout) {
    this.layout = layout;
    return this;
  }

  public GraphBuild reporter(ProblemReporter reporter) {
    this.reporter = reporter;
    return this;
  }

  public GraphBuild infer(boolean infer) {
    this.infer = infer;
    return this;
  }

  /** Where the stages' times and heap are recorded (a fresh {@link Stages} by default). */
  public GraphBuild stages(Stages stages) {
    this.stages = Objects.requireNonNull(stages, "stages");
    return this;
  }

  public Result run() {
    Objects.requireNonNull(layout, "project");
    Objects.requireNonNull(reporter, "reporter");
    if (!Files.isDirectory(layout.dataDir())) {
      reporter.report(Problem.error(layout.dataDir(), 0, 0, ProblemCode.MISSING_FILE, "no data directory"));
      return failed();
    }
    Ontology ontology;
    try {
      ontology = Ontology.load(layout.ontologyDir());
    } catch (IOException | RuntimeException e) {
      reporter.report(Problem.error(layout.ontologyDir(), 0, 0, ProblemCode.ONTOLOGY, "cannot read the ontology: " + e.getMessage()));
      return failed();
    }
    Converted c = checkAndConvert(ontology);
    if (c == null) return failed();
    // Only the graphs and counts are still reachable here: the tables, the rows each triple came from
    // and the converter's indexes (more than the graph itself at x100) can go before inference.
    Graph asserted = c.asserted();
    // Romanised spellings of Russian names, for search (generated, so added after the checks).
    stages.time("hidden labels", () -> org.sovecon.convert.HiddenLabels.addTo(asserted));
    Graph inferred = infer ? stages.time("inference", () -> Materializer.infer(ontology.graph(), asserted)) : GraphFactory.createDefaultGraph();
    Graph explanations = GraphFactory.createDefaultGraph();
    if (infer) {
      Explainer.Result why = stages.time("explanations", () -> Explainer.explain(ontology.graph(), asserted, inferred));
      explanations = stages.time("explanation graph", () -> ExplanationGraph.write(why, asserted));
    }
    return new Result(true, ontology.graph(), asserted, inferred, c.index(), c.facts(), c.observations(),
        explanations, c.claimLinks());
  }

  /** What the checks and the conversion leave for the rest of the build. */
  private record Converted(Graph asserted, Graph claimLinks, Index index, long facts, long observations) {}

  /** Reads, checks and converts the tables; null if any error was reported. */
  private Converted checkAndConvert(Ontology ontology) {
    Inputs inputs = stages.time("read", () -> Inputs.read(layout.dataDir(), reporter));
    // An unreadable table that defines ids would make every row citing them an error of its own.
    FollowOns checks = new FollowOns(reporter, inputs.unreadable().stream()
        .filter(u -> u.kind() == TableKind.ENTITIES || u.kind() == TableKind.SOURCES || u.kind() == TableKind.DATASETS)
        .map(Inputs.Unreadable::file).toList());
    Index index = stages.time("index", () -> Index.build(inputs, checks));
    stages.time("checks", () -> {
      DuplicateCandidates.report(index.entities(), checks);
      NoteCheck.report(inputs, index.entities(), index.sources().keySet(), checks);
    });
    Graph asserted = GraphFactory.createDefaultGraph();
    OriginIndex origins = new OriginIndex();
    SourceTexts texts = SourceTexts.at(layout.sourcesDir());
    Converter converter = new Converter(ontology, index, checks, new InterningStream(StreamRDFLib.graph(asserted)), origins, texts);
    stages.time("conversion", () -> converter.convert(inputs));
    stages.time("cycle check", () -> CycleCheck.check(ontology.graph(), asserted, origins, checks));
    if (Files.isRegularFile(layout.shapesFile())) stages.time("SHACL", () -> {
      new ShapeCheck(layout.shapesFile()).check(ShapeCheck.withSchema(ontology.graph(), asserted), origins, checks);
    });
    Graph claimLinks = stages.time("claim links", () -> ClaimLinks.compute(asserted,
        inputs.of(TableKind.CLAIM_LINKS).stream().flatMap(t -> t.rows().stream()).toList(), checks));
    checks.finish();
    if (reporter.errorCount() > 0) return null;
    return new Converted(asserted, claimLinks, index, converter.facts(), converter.observations());
  }

  private static Result failed() {
    return new Result(false, null, null, null, null, 0, 0, null, null);
  }
}
