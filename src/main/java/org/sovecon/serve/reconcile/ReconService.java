package org.sovecon.serve.reconcile;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.sovecon.serve.reconcile.Matcher.Candidate;
import org.sovecon.serve.reconcile.Matcher.PropertyValue;
import org.sovecon.serve.reconcile.ReconIndex.Entity;
import org.sovecon.serve.reconcile.ReconIndex.Fact;
import org.sovecon.serve.reconcile.ReconcileServlet.BadRequest;
import org.sovecon.text.Romanisation;
import org.sovecon.vocab.Namespaces;

/**
 * The answers of the reconciliation service as JSON, independent of HTTP: manifest, reconcile
 * (0.2 batches and draft 1.0), suggest, preview, property proposals and data extension.
 *
 * <p>Data extension returns, for a property {@code P}, its values in the column {@code P} and, in
 * the same order, the time and the citation of each in {@code P@start}, {@code P@end}, {@code P@date}
 * and {@code P@source} (an empty cell where a statement has none). OpenRefine lays out several values
 * of one cell as rows of a record, so the four columns stay aligned with their value.
 */
final class ReconService {
  /** The classes offered in the manifest, most asked-for first. */
  static final List<String> DEFAULT_TYPES = List.of("Person", "Organisation", "Policy", "Place", "Event", "Faction",
      "Post", "Plan", "Document", "Concept", "SocialGroup", "Currency");
  /** The qualifier columns of data extension, in the order they are proposed. */
  static final List<String> QUALIFIERS = List.of("start", "end", "date", "source");
  /** Columns that are not statements: the entity's own fields. */
  static final Map<String, String> FIELDS = new LinkedHashMap<>(Map.of(
      "wikidata", "Wikidata item", "label_ru", "Russian name", "description", "description"));
  static final int DEFAULT_LIMIT = 5, MAX_LIMIT = 100, SUGGEST_PAGE = 10;

  private final ReconIndex index;
  private final Matcher matcher;
  private final String base;

  ReconService(ReconIndex index, String base) {
    this.index = index;
    this.matcher = new Matcher(index);
    this.base = base;
  }

  JsonObject manifest() {
    JsonObject m = new JsonObject();
    JsonArray versions = new JsonArray();
    versions.add("0.2");
    m.add("versions", versions);
    m.addProperty("name", "sovecon: the early Soviet economy, 1917-1932");
    m.addProperty("identifierSpace", Namespaces.ID);
    m.addProperty("schemaSpace", Namespaces.SOV);
    JsonArray types = new JsonArray();
    for (String t : DEFAULT_TYPES) index.type(t).ifPresent(type -> types.add(type(type)));
    m.add("defaultTypes", types);
    m.add("view", object("url", Namespaces.ID + "{{id}}"));
    JsonObject preview = object("url", base + "/preview?id={{id}}");
    preview.addProperty("width", 430);
    preview.addProperty("height", 300);
    m.add("preview", preview);
    JsonObject suggest = new JsonObject();
    for (String kind : List.of("entity", "type", "property")) {
      JsonObject s = object("service_url", base);
      s.addProperty("service_path", "/suggest/" + kind);
      suggest.add(kind, s);
    }
    m.add("suggest", suggest);
    JsonObject extend = new JsonObject();
    JsonObject propose = object("service_url", base);
    propose.addProperty("service_path", "/extend/propose");
    extend.add("propose_properties", propose);
    extend.add("property_settings", new JsonArray());
    m.add("extend", extend);
    return m;
  }

  /** A 0.2 batch: {@code {"q0": {"query": …, "type": …, "limit": …, "properties": [{"pid","v"}]}, …}}. */
  JsonObject reconcile(JsonElement batch) {
    if (!batch.isJsonObject()) throw new BadRequest("queries must be a JSON object of named queries");
    JsonObject out = new JsonObject();
    for (var e : batch.getAsJsonObject().entrySet()) {
      if (!e.getValue().isJsonObject()) throw new BadRequest("query '" + e.getKey() + "' must be a JSON object");
      JsonObject result = new JsonObject();
      result.add("result", candidates(query(e.getValue().getAsJsonObject(), e.getKey())));
      out.add(e.getKey(), result);
    }
    return out;
  }

  /** The oldest form: {@code query=} holding one query object or a bare string. */
  JsonObject reconcileOne(String text) {
    JsonObject q;
    String t = text.trim();
    if (t.startsWith("{")) {
      try {
        q = com.google.gson.JsonParser.parseString(t).getAsJsonObject();
      } catch (RuntimeException e) {
        throw new BadRequest("query is not a JSON object: " + e.getMessage());
      }
    } else {
      q = object("query", text);
    }
    JsonObject out = new JsonObject();
    out.add("result", candidates(query(q, "query")));
    return out;
  }

  /** Draft 1.0: {@code {"queries": [{"type", "limit", "conditions": [{"matchType": "name"|"property", …}]}]}}. */
  JsonObject reconcileV1(JsonElement body) {
    if (!body.isJsonObject() || !body.getAsJsonObject().has("queries") || !body.getAsJsonObject().get("queries").isJsonArray())
      throw new BadRequest("the body must be {\"queries\": [...]}");
    JsonArray results = new JsonArray();
    int i = 0;
    for (JsonElement qe : body.getAsJsonObject().getAsJsonArray("queries")) {
      String where = "queries[" + i++ + "]";
      if (!qe.isJsonObject()) throw new BadRequest(where + " must be an object");
      JsonObject q = qe.getAsJsonObject();
      JsonObject v02 = new JsonObject();
      if (q.has("type")) v02.add("type", q.get("type"));
      if (q.has("limit")) v02.add("limit", q.get("limit"));
      JsonArray props = new JsonArray();
      StringBuilder name = new StringBuilder();
      if (q.has("conditions") && q.get("conditions").isJsonArray()) {
        for (JsonElement ce : q.getAsJsonArray("conditions")) {
          JsonObject c = ce.getAsJsonObject();
          String kind = c.has("matchType") ? c.get("matchType").getAsString() : "name";
          if (kind.equals("name")) name.append(name.length() > 0 ? " " : "").append(c.get("propertyValue").getAsString());
          else if (c.has("propertyId")) {
            JsonObject p = object("pid", c.get("propertyId").getAsString());
            p.add("v", c.get("propertyValue"));
            props.add(p);
          }
        }
      }
      v02.addProperty("query", name.toString());
      v02.add("properties", props);
      JsonArray candidates = new JsonArray();
      for (JsonElement c : candidates(query(v02, where))) {
        JsonObject o = c.getAsJsonObject();
        JsonObject typeless = new JsonObject();
        for (var f : o.entrySet()) if (!f.getKey().equals("features")) typeless.add(f.getKey(), f.getValue());
        candidates.add(typeless);
      }
      results.add(object("candidates", candidates));
    }
    return object("results", results);
  }

  private Matcher.Query query(JsonObject q, String name) {
    String text = q.has("query") && q.get("query").isJsonPrimitive() ? q.get("query").getAsString() : "";
    List<String> types = new ArrayList<>();
    if (q.has("type")) {
      JsonElement t = q.get("type");
      if (t.isJsonArray()) t.getAsJsonArray().forEach(x -> types.add(shortType(x.getAsString())));
      else if (t.isJsonPrimitive()) types.add(shortType(t.getAsString()));
    }
    int limit = DEFAULT_LIMIT;
    if (q.has("limit")) {
      try {
        limit = Math.max(1, Math.min(MAX_LIMIT, q.get("limit").getAsInt()));
      } catch (RuntimeException e) {
        throw new BadRequest("query '" + name + "': limit must be a number");
      }
    }
    List<PropertyValue> props = new ArrayList<>();
    if (q.has("properties") && q.get("properties").isJsonArray()) {
      for (JsonElement pe : q.getAsJsonArray("properties")) {
        JsonObject p = pe.getAsJsonObject();
        if (!p.has("pid") || !p.has("v")) throw new BadRequest("query '" + name + "': each property needs pid and v");
        List<String> texts = new ArrayList<>(), ids = new ArrayList<>();
        JsonArray vs = p.get("v").isJsonArray() ? p.getAsJsonArray("v") : single(p.get("v"));
        for (JsonElement v : vs) {
          if (v.isJsonObject()) {
            JsonObject o = v.getAsJsonObject();
            if (o.has("id")) ids.add(shortId(o.get("id").getAsString()));
            if (o.has("name")) texts.add(o.get("name").getAsString());
          } else if (v.isJsonPrimitive()) {
            texts.add(v.getAsString());
          }
        }
        props.add(new PropertyValue(p.get("pid").getAsString(), texts, ids));
      }
    }
    if (text.isBlank() && props.isEmpty()) throw new BadRequest("query '" + name + "' has neither a query nor properties");
    return new Matcher.Query(text, types, limit, props);
  }

  private JsonArray candidates(Matcher.Query q) {
    JsonArray result = new JsonArray();
    for (Candidate c : matcher.candidates(q)) {
      JsonObject o = object("id", c.entity().id());
      o.addProperty("name", c.entity().label());
      if (c.entity().description() != null) o.addProperty("description", c.entity().description());
      o.addProperty("score", c.score());
      o.addProperty("match", c.match());
      o.add("type", types(c.entity()));
      JsonArray features = new JsonArray();
      JsonObject name = object("id", "name");
      name.addProperty("value", c.nameScore());
      features.add(name);
      JsonObject agree = object("id", "properties_agreeing");
      agree.addProperty("value", c.agreeing());
      features.add(agree);
      JsonObject disagree = object("id", "properties_disagreeing");
      disagree.addProperty("value", c.disagreeing());
      features.add(disagree);
      o.add("features", features);
      result.add(o);
    }
    return result;
  }

  JsonObject suggestEntities(String prefix, String type, int cursor) {
    String key = Romanisation.key(prefix == null ? "" : prefix);
    List<Entity> hits = new ArrayList<>();
    for (Entity e : index.entities()) {
      if (type != null && !type.isBlank() && !e.hasType(shortType(type))) continue;
      if (!key.isEmpty() && e.names().stream().noneMatch(n -> startsWord(n.key(), key))) continue;
      hits.add(e);
    }
    // Exact names first, then the entities the texts say most about.
    hits.sort(Comparator.<Entity>comparingInt(e -> e.names().stream().anyMatch(n -> n.key().equals(key)) ? 0 : 1)
        .thenComparing(Comparator.<Entity>comparingInt(e -> e.facts().size()).reversed())
        .thenComparing(Entity::id));
    return page(hits, cursor, e -> {
      JsonObject o = object("id", e.id());
      o.addProperty("name", e.label());
      if (e.description() != null) o.addProperty("description", e.description());
      o.add("notable", types(e));
      return o;
    });
  }

  JsonObject suggestTypes(String prefix, int cursor) {
    String key = Romanisation.key(prefix == null ? "" : prefix);
    List<ReconIndex.Type> hits = index.types().stream()
        .filter(t -> key.isEmpty() || startsWord(Romanisation.key(t.name()), key) || startsWord(Romanisation.key(t.id()), key))
        .sorted(Comparator.comparing(ReconIndex.Type::id)).toList();
    return page(hits, cursor, this::type);
  }

  JsonObject suggestProperties(String prefix, int cursor) {
    String key = Romanisation.key(prefix == null ? "" : prefix);
    List<Map.Entry<String, String>> hits = properties().entrySet().stream()
        .filter(p -> key.isEmpty() || startsWord(Romanisation.key(p.getValue()), key) || startsWord(Romanisation.key(p.getKey()), key))
        .toList();
    return page(hits, cursor, p -> {
      JsonObject o = object("id", p.getKey());
      o.addProperty("name", p.getValue());
      return o;
    });
  }

  /** Every property an extension may ask for: the entity fields, each statement property and its qualifier columns. */
  private Map<String, String> properties() {
    Map<String, String> all = new LinkedHashMap<>(FIELDS);
    index.propertyLabels().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(p -> {
      all.put(p.getKey(), p.getValue());
      for (String q : QUALIFIERS) all.put(p.getKey() + "@" + q, p.getValue() + ": " + q);
    });
    return all;
  }

  private static boolean startsWord(String key, String prefix) {
    return key.startsWith(prefix) || key.contains(" " + prefix);
  }

  private <T> JsonObject page(List<T> hits, int cursor, Function<T, JsonObject> show) {
    JsonArray result = new JsonArray();
    for (T t : hits.subList(Math.min(cursor, hits.size()), Math.min(cursor + SUGGEST_PAGE, hits.size()))) result.add(show.apply(t));
    JsonObject o = new JsonObject();
    o.add("result", result);
    return o;
  }

  /** The properties entities of {@code type} have, those with most statements first, each followed by its citation column. */
  JsonObject propose(String type, int limit) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Entity e : index.entities()) {
      if (type != null && !type.isBlank() && !e.hasType(shortType(type))) continue;
      for (Fact f : e.facts()) counts.merge(f.property(), 1, Integer::sum);
    }
    JsonArray props = new JsonArray();
    List<String> ids = new ArrayList<>(FIELDS.keySet());
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> { ids.add(e.getKey()); ids.add(e.getKey() + "@source"); });
    Map<String, String> names = properties();
    for (String id : ids.subList(0, Math.min(ids.size(), Math.max(1, limit)))) {
      JsonObject o = object("id", id);
      o.addProperty("name", names.get(id));
      props.add(o);
    }
    JsonObject out = new JsonObject();
    out.add("properties", props);
    if (type != null) out.addProperty("type", type);
    out.addProperty("limit", limit);
    return out;
  }

  /** {@code {"ids": [...], "properties": [{"id": ...}]}} → {@code {"meta": [...], "rows": {id: {pid: [values]}}}}. */
  JsonObject extend(JsonElement request) {
    if (!request.isJsonObject() || !request.getAsJsonObject().has("ids") || !request.getAsJsonObject().has("properties"))
      throw new BadRequest("extend must be {\"ids\": [...], \"properties\": [{\"id\": ...}]}");
    JsonObject req = request.getAsJsonObject();
    Map<String, String> names = properties();
    List<String> pids = new ArrayList<>();
    JsonArray meta = new JsonArray();
    for (JsonElement pe : req.getAsJsonArray("properties")) {
      String pid = pe.isJsonObject() ? pe.getAsJsonObject().get("id").getAsString() : pe.getAsString();
      if (!names.containsKey(pid)) throw new BadRequest("no property '" + pid + "'; " + base + "/suggest/property lists them");
      pids.add(pid);
      JsonObject m = object("id", pid);
      m.addProperty("name", names.get(pid));
      meta.add(m);
    }
    JsonObject rows = new JsonObject();
    for (JsonElement ie : req.getAsJsonArray("ids")) {
      String id = shortId(ie.getAsString());
      JsonObject row = new JsonObject();
      Optional<Entity> e = index.entity(id);
      for (String pid : pids) row.add(pid, e.map(x -> values(x, pid)).orElseGet(JsonArray::new));
      rows.add(ie.getAsString(), row);
    }
    JsonObject out = new JsonObject();
    out.add("meta", meta);
    out.add("rows", rows);
    return out;
  }

  private JsonArray values(Entity e, String pid) {
    JsonArray out = new JsonArray();
    switch (pid) {
      case "wikidata" -> { if (e.qid() != null) out.add(str(e.qid())); return out; }
      case "description" -> { if (e.description() != null) out.add(str(e.description())); return out; }
      case "label_ru" -> {
        e.names().stream().map(ReconIndex.Name::text).filter(Romanisation::hasCyrillic).distinct().forEach(n -> out.add(str(n)));
        return out;
      }
      default -> { }
    }
    int at = pid.indexOf('@');
    String property = at < 0 ? pid : pid.substring(0, at);
    String qualifier = at < 0 ? null : pid.substring(at + 1);
    for (Fact f : e.facts()) {
      if (!f.property().equals(property)) continue;
      if (qualifier == null) {
        if (f.valueId() != null) {
          JsonObject o = object("id", f.valueId());
          o.addProperty("name", f.value());
          out.add(o);
        } else {
          out.add(str(f.value()));
        }
        continue;
      }
      String v = switch (qualifier) {
        case "start" -> f.start();
        case "end" -> f.end();
        case "date" -> f.date();
        default -> f.source() + " " + f.lines() + (f.claim() ? " (claim)" : "");
      };
      out.add(v == null ? new JsonObject() : str(v));
    }
    return out;
  }

  Optional<String> preview(String id) {
    return index.entity(shortId(id)).map(e -> Preview.html(e, DEFAULT_TYPES));
  }

  private JsonObject type(ReconIndex.Type t) {
    JsonObject o = object("id", t.id());
    o.addProperty("name", t.name());
    return o;
  }

  /** The entity's classes, the manifest's own types first. */
  private JsonArray types(Entity e) {
    JsonArray a = new JsonArray();
    e.types().stream().sorted(Comparator.comparingInt(t -> {
      int i = DEFAULT_TYPES.indexOf(t.id());
      return i < 0 ? DEFAULT_TYPES.size() : i;
    })).forEach(t -> a.add(type(t)));
    return a;
  }

  /** A type given as an IRI of the ontology, or by its local name. */
  private static String shortType(String t) {
    return t.startsWith(Namespaces.SOV) ? t.substring(Namespaces.SOV.length()) : t;
  }

  private static String shortId(String id) {
    return id.startsWith(Namespaces.ID) ? id.substring(Namespaces.ID.length()) : id;
  }

  private static JsonObject str(String s) {
    return object("str", s);
  }

  private static JsonArray single(JsonElement e) {
    JsonArray a = new JsonArray();
    a.add(e);
    return a;
  }

  private static JsonObject object(String key, String value) {
    JsonObject o = new JsonObject();
    o.addProperty(key, value);
    return o;
  }

  private static JsonObject object(String key, JsonElement value) {
    JsonObject o = new JsonObject();
    o.add(key, value);
    return o;
  }
}
