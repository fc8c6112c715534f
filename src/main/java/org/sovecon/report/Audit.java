package org.sovecon.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.sovecon.vocab.Namespaces;

/**
 * The fidelity audit: a reproducible sample of the graph's cited statements, each shown beside the
 * lines it cites, and the reviewers' marks on them (ok, wrong, unsure) kept in a CSV file, summed up
 * as a measured error rate. The sample is the statements sorted by IRI and shuffled with a fixed
 * seed, so the same data and seed give the same sample on every machine.
 *
 * <pre>
 *   List<Audit.Item> items = Audit.sample(dataset, 20, 1, sourcesDir);
 *   Audit.Summary s = Audit.summary(Audit.readMarks(marksFile), Audit.statements(dataset));
 * </pre>
 */
public final class Audit {
  private Audit() {}

  /** What a reviewer may say of a statement, after reading its cited lines. */
  public enum Mark { ok, wrong, unsure }

  /** One sampled statement: what it says in words, the citation, and the cited lines if the text is at hand. */
  public record Item(int n, String statement, String words, String citation, Optional<List<String>> text) {}

  /** One line of the marks file. */
  public record Marked(String statement, Mark mark, String note, long line) {}

  /** The marks so far. The rate is wrong / (ok + wrong), with a 95% Wilson interval. */
  public record Summary(int marked, int ok, int wrong, int unsure, int stale, double rate, double low, double high) {
    public String text() {
      if (ok + wrong == 0) return "no statement is marked ok or wrong yet (" + marked + " marks)";
      return String.format("%d marks: %d ok, %d wrong, %d unsure; error rate %.1f%% (95%% interval %.1f–%.1f%%) over the %d marked ok or wrong%s",
          marked, ok, wrong, unsure, 100 * rate, 100 * low, 100 * high, ok + wrong,
          stale == 0 ? "" : "; " + stale + " marks name statements no longer in the graph (left out)");
    }
  }

  static final String HEADER_STATEMENT = "statement", HEADER_MARK = "mark", HEADER_NOTE = "note";

  private static final String STATEMENTS = Namespaces.sparqlPrologue() + """
      SELECT ?st ?s ?p ?o ?claimant ?start ?end ?date ?source ?lines ?from ?to ?file WHERE {
        GRAPH <https://w3id.org/sovecon/graph/asserted> {
          ?st sov:statementSubject ?s ; sov:statementProperty ?p ; sov:statementValue ?o ; prov:wasDerivedFrom ?c .
          ?c sov:citedSource ?src ; sov:lines ?lines ; sov:startLine ?from ; sov:endLine ?to .
          ?src dcterms:identifier ?source .
          OPTIONAL { ?src sov:fileName ?file }
          OPTIONAL { ?st sov:claimedBy ?claimant }
          OPTIONAL { ?st pq:start ?start } OPTIONAL { ?st pq:end ?end } OPTIONAL { ?st pq:date ?date }
        }
      }""";

  /** Every cited statement's IRI, in short form (st:…). */
  public static List<String> statements(Dataset ds) {
    return rows(ds).stream().map(r -> shortForm(r.getResource("st").getURI())).distinct().toList();
  }

  public static List<Item> sample(Dataset ds, int size, long seed, Path sourcesDir) {
    Map<String, QuerySolution> byStatement = new LinkedHashMap<>();
    for (QuerySolution r : rows(ds)) byStatement.putIfAbsent(r.getResource("st").getURI(), r);
    List<String> ids = new ArrayList<>(byStatement.keySet());
    Collections.sort(ids);
    Collections.shuffle(ids, new Random(seed));
    List<Item> out = new ArrayList<>();
    Explanations.Labels labels = Explanations.labels(ds);
    for (String id : ids.subList(0, Math.min(size, ids.size()))) {
      QuerySolution r = byStatement.get(id);
      StringBuilder words = new StringBuilder(labels.of(r.get("s").asNode()) + " — " + labels.of(r.get("p").asNode()) + " — " + labels.of(r.get("o").asNode()));
      for (String q : List.of("start", "end", "date")) if (r.contains(q)) words.append("; ").append(q).append(" ").append(r.getLiteral(q).getLexicalForm());
      if (r.contains("claimant")) words.append("; claimed by ").append(labels.of(r.get("claimant").asNode()));
      String citation = r.getLiteral("source").getLexicalForm() + " " + r.getLiteral("lines").getLexicalForm();
      Optional<List<String>> text = Optional.empty();
      if (sourcesDir != null && r.contains("file")) text = lines(sourcesDir.resolve(r.getLiteral("file").getLexicalForm()), r.getLiteral("from").getInt(), r.getLiteral("to").getInt());
      out.add(new Item(out.size() + 1, shortForm(id), words.toString(), citation, text));
    }
    return out;
  }

  private static Optional<List<String>> lines(Path file, int from, int to) {
    if (!Files.isRegularFile(file)) return Optional.empty();
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return Optional.of(all.subList(Math.max(0, from - 1), Math.min(all.size(), to)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static List<QuerySolution> rows(Dataset ds) {
    List<QuerySolution> rows = new ArrayList<>();
    Txn.executeRead(ds, () -> {
      try (QueryExecution qe = QueryExecution.dataset(ds).query(STATEMENTS).build()) {
        qe.execSelect().forEachRemaining(r -> rows.add(Queries.copy(r)));
      }
    });
    return rows;
  }

  /** The marks file's lines; a bad line is an error naming the file, line and column. */
  public static List<Marked> readMarks(Path file) throws IOException {
    if (!Files.exists(file)) return List.of();
    List<Marked> out = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
      for (String h : List.of(HEADER_STATEMENT, HEADER_MARK))
        if (!p.getHeaderMap().containsKey(h)) throw new IllegalArgumentException(file + ":1:1: the header has no column '" + h + "'");
      int markColumn = p.getHeaderMap().get(HEADER_MARK) + 1;
      for (CSVRecord r : p) {
        String m = r.get(HEADER_MARK).trim();
        if (m.isEmpty()) continue; // sampled, not yet reviewed
        Mark mark;
        try {
          mark = Mark.valueOf(m);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ":" + (r.getRecordNumber() + 1) + ":" + markColumn + ": '" + m + "' is not a mark: use ok, wrong or unsure");
        }
        out.add(new Marked(r.get(HEADER_STATEMENT).trim(), mark, r.isMapped(HEADER_NOTE) ? r.get(HEADER_NOTE) : "", r.getRecordNumber() + 1));
      }
    }
    return out;
  }

  /** Records a mark (replacing an earlier one for the same statement) and keeps the file sorted by statement. */
  public static void mark(Path file, String statement, Mark mark, String note) throws IOException {
    Map<String, String[]> rows = new java.util.TreeMap<>();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
        for (CSVRecord r : p) rows.put(r.get(HEADER_STATEMENT), new String[] {r.get(HEADER_MARK), r.isMapped(HEADER_NOTE) ? r.get(HEADER_NOTE) : ""});
      }
    }
    rows.put(statement, new String[] {mark.name(), note == null ? "" : note});
    if (file.getParent() != null) Files.createDirectories(file.getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(HEADER_STATEMENT, HEADER_MARK, HEADER_NOTE).setRecordSeparator("\n").build())) {
      for (var e : rows.entrySet()) out.printRecord(e.getKey(), e.getValue()[0], e.getValue()[1]);
    }
  }

  public static Summary summary(List<Marked> marks, List<String> statements) {
    java.util.Set<String> present = new java.util.HashSet<>(statements);
    int ok = 0, wrong = 0, unsure = 0, stale = 0;
    for (Marked m : marks) {
      if (!present.contains(m.statement())) {
        stale++;
        continue;
      }
      switch (m.mark()) {
        case ok -> ok++;
        case wrong -> wrong++;
        case unsure -> unsure++;
      }
    }
    int n = ok + wrong;
    double rate = n == 0 ? 0 : (double) wrong / n;
    double[] ci = wilson(wrong, n);
    return new Summary(marks.size(), ok, wrong, unsure, stale, rate, ci[0], ci[1]);
  }

  /** The Wilson score interval at 95%: sensible for small samples and rates near 0, where the normal one is not. */
  static double[] wilson(int k, int n) {
    if (n == 0) return new double[] {0, 1};
    double z = 1.959963984540054, p = (double) k / n, z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  static String shortForm(String iri) {
    return Namespaces.prefixes().shortForm(iri);
  }
}
