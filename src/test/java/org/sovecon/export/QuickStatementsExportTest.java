package org.sovecon.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.TestProjects;
import org.sovecon.build.GraphBuild;
import org.sovecon.check.ProblemReporter;
import org.sovecon.vocab.SOV;

/**
 * The QuickStatements export of the fixture, where the source and two bodies carry Wikidata items
 * (the three Wikidata sandbox items), read back with a parser of the QuickStatements V1 syntax.
 */
class QuickStatementsExportTest {
  @TempDir static Path tmp;
  static List<Command> commands;
  static QuickStatementsExport.Result result;

  /** One parsed line: item, property, value, then qualifier and reference (Sxx) pairs, and the edit summary. */
  record Command(String item, String property, String value, Map<String, String> qualifiers, Map<String, String> references,
      String summary) {}

  static final Pattern ITEM = Pattern.compile("Q[1-9]\\d*");
  static final Pattern PROPERTY = Pattern.compile("P[1-9]\\d*");
  static final Pattern SOURCE = Pattern.compile("S[1-9]\\d*");
  /** The value forms this export may write: an item, a time with its precision, a quoted string. */
  static final Pattern VALUE = Pattern.compile("Q[1-9]\\d*|[+-]\\d{4}-\\d{2}-\\d{2}T00:00:00Z/(9|10|11)|\"[^\"\\t]*\"");
  static final Pattern SUMMARY = Pattern.compile("^(.*?) /\\* (.*) \\*/$");

  static Command parse(String line, int number) {
    String summary = null;
    Matcher sm = SUMMARY.matcher(line);
    if (sm.matches()) { line = sm.group(1); summary = sm.group(2); }
    String[] f = line.split("\t", -1);
    String where = "line " + number + ": ";
    assertTrue(f.length >= 3 && f.length % 2 == 1, where + "ITEM TAB PROPERTY TAB VALUE, then pairs: " + line);
    assertTrue(ITEM.matcher(f[0]).matches(), where + "item " + f[0]);
    assertTrue(PROPERTY.matcher(f[1]).matches(), where + "property " + f[1]);
    assertTrue(VALUE.matcher(f[2]).matches(), where + "value " + f[2]);
    Map<String, String> qualifiers = new LinkedHashMap<>(), references = new LinkedHashMap<>();
    for (int i = 3; i < f.length; i += 2) {
      assertTrue(VALUE.matcher(f[i + 1]).matches(), where + "value " + f[i + 1]);
      if (PROPERTY.matcher(f[i]).matches()) {
        assertTrue(references.isEmpty(), where + "qualifiers come before the reference");
        qualifiers.put(f[i], f[i + 1]);
      } else {
        assertTrue(SOURCE.matcher(f[i]).matches(), where + "a qualifier (Pxx) or reference (Sxx) property: " + f[i]);
        references.put(f[i], f[i + 1]);
      }
    }
    return new Command(f[0], f[1], f[2], qualifiers, references, summary);
  }

  @BeforeAll
  static void export() throws IOException {
    var problems = ProblemReporter.collecting();
    var layout = TestProjects.fixture(tmp.resolve("project"), TestProjects.resource("quickstatements"));
    GraphBuild.Result r = GraphBuild.create().project(layout).reporter(problems).infer(false).run();
    assertTrue(r.ok(), problems.problems().toString());
    Dataset ds = DatasetFactory.create();
    ds.addNamedModel(SOV.graphAsserted.getURI(), ModelFactory.createModelForGraph(r.asserted()));
    ds.addNamedModel(SOV.graphOntology.getURI(), ModelFactory.createModelForGraph(r.ontology()));
    Path file = tmp.resolve("out/facts.qs");
    result = QuickStatementsExport.write(ds, file);
    commands = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) commands.add(parse(lines.get(i), i + 1));
    assertEquals(result.lines(), commands.size());
  }

  @Test
  void partOfBetweenTwoLinkedBodiesCitesTheSourceItemAndLines() {
    Command c = commands.stream().filter(x -> x.property().equals("P361")).findFirst()
        .orElseThrow(() -> new AssertionError("commission part of council (P361): " + commands));
    assertEquals("Q15397819", c.item());
    assertEquals("Q13406268", c.value());
    assertEquals("Q4115189", c.references().get("S248"), "stated in: the source's item");
    assertEquals("\"lines 10-12\"", c.references().get("S958"));
    assertTrue(c.summary().contains("testsrc lines 10-12"), c.summary());
  }

  @Test
  void aDateToTheMonthHasMonthPrecision() {
    Command c = commands.stream().filter(x -> x.property().equals("P571")).findFirst()
        .orElseThrow(() -> new AssertionError("commission founded (P571): " + commands));
    assertEquals("+1925-03-00T00:00:00Z/10", c.value());
  }

  @Test
  void onlyLinkedEntitiesAreSubjectsAndOnlyLinkedEntitiesOrDatesAreValues() {
    for (Command c : commands) {
      assertTrue(List.of("Q15397819", "Q13406268").contains(c.item()), c.toString());
      assertTrue(!c.value().startsWith("Q") || List.of("Q15397819", "Q13406268").contains(c.value()), c.toString());
    }
    assertEquals(0, result.withoutStatedIn());
  }

  @Test
  void timeValuesHaveThePrecisionOfTheirLiteral() {
    var ds = DatasetFactory.create();
    var m = ds.getDefaultModel();
    assertEquals("+1924-01-21T00:00:00Z/11",
        QuickStatementsExport.time(m.createTypedLiteral("1924-01-21", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate)).orElseThrow());
    assertEquals("+1917-00-00T00:00:00Z/9",
        QuickStatementsExport.time(m.createTypedLiteral("1917", org.apache.jena.datatypes.xsd.XSDDatatype.XSDgYear)).orElseThrow());
    assertTrue(QuickStatementsExport.time(m.createLiteral("1926/1927")).isEmpty(), "a range has no QuickStatements form");
  }
}
