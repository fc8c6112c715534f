package org.sovecon.serve.pages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

/**
 * The query catalogue for the editor: every {@code queries/**}{@code /*.rq}, with a title and a
 * description taken from its leading comment (its {@code # expect:} lines are for tests and are left
 * out), as one JSON file. Maven runs it at build time: {@code QueryCatalogue QUERIES_DIR OUT_FILE}.
 *
 * <pre>
 *   [ { "id": "competency/V01", "group": "competency", "title": "V1 (bettelheim L2563-2566): Which body created Osvok, and when?",
 *       "description": "...", "query": "PREFIX ..." }, ... ]
 * </pre>
 */
public final class QueryCatalogue {
  private QueryCatalogue() {}

  public record Entry(String id, String group, String title, String description, String query) {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[1]);
    List<Entry> entries = read(Path.of(args[0]));
    Files.createDirectories(out.getParent());
    try (OutputStream os = Files.newOutputStream(out)) {
      JSON.write(os, toJson(entries));
    }
    System.out.println("query catalogue: " + entries.size() + " queries in " + out);
  }

  public static List<Entry> read(Path dir) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) entries.add(entry(dir, f));
    }
    return entries;
  }

  static Entry entry(Path dir, Path f) throws IOException {
    String rel = dir.relativize(f).toString().replace('\\', '/');
    String id = rel.substring(0, rel.length() - ".rq".length());
    String group = id.contains("/") ? id.substring(0, id.lastIndexOf('/')) : "";
    List<String> comment = new ArrayList<>();
    StringBuilder query = new StringBuilder();
    boolean head = true;
    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      if (head && line.startsWith("#")) {
        String c = line.replaceFirst("^#\\s?", "");
        if (!c.startsWith("expect:")) comment.add(c);
        continue;
      }
      head = false;
      if (!line.startsWith("# expect:")) query.append(line).append('\n');
    }
    // The title is the comment's first sentence; the rest of the comment is the description.
    String all = String.join(" ", comment).strip();
    int dot = sentenceEnd(all);
    String title = dot < 0 ? all : all.substring(0, dot + 1);
    String description = dot < 0 ? "" : all.substring(dot + 1).strip();
    return new Entry(id, group, title.isEmpty() ? id : title, description, query.toString().strip() + "\n");
  }

  private static int sentenceEnd(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c == '.' || c == '?') && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) return i;
    }
    return -1;
  }

  static JsonArray toJson(List<Entry> entries) {
    JsonArray a = new JsonArray();
    for (Entry e : entries) {
      JsonObject o = new JsonObject();
      o.put("id", e.id());
      o.put("group", e.group());
      o.put("title", e.title());
      o.put("description", e.description());
      o.put("query", e.query());
      a.add(o);
    }
    return a;
  }
}
