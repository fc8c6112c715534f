package org.sovecon.serve.reconcile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.sovecon.report.Queries;
import org.sovecon.text.Romanisation;
import org.sovecon.vocab.Namespaces;

/**
 * What the reconciliation service knows, read once from the store: each entity's names (with their
 * matching keys, and the romanisations of its Russian labels), classes, description, Wikidata item and
 * cited statements. The store is read-only while served, so the index never goes stale.
 *
 * <pre>
 *   ReconIndex index = ReconIndex.load(dataset);
 *   index.entity("stalin").map(ReconIndex.Entity::label);   // "J. V. Stalin"
 * </pre>
 */
public final class ReconIndex {
  /** A cited statement about an entity: the value (an entity id or a literal), its time and its source. */
  public record Fact(String property, String propertyLabel, String valueId, String value, String start, String end,
      String date, String source, String lines, boolean claim) {
    /** The years this statement mentions: its qualifiers and, for a date-valued property, the value. */
    List<Integer> years() {
      List<Integer> out = new ArrayList<>();
      for (String s : new String[] {start, end, date, valueId == null ? value : null}) {
        if (s == null) continue;
        Matcher m = YEAR.matcher(s);
        if (m.find() && s.length() <= 30) out.add(Integer.parseInt(m.group()));
      }
      return out;
    }
  }

  /** A class an entity belongs to, by its local name (the type id the service uses) and its label. */
  public record Type(String id, String name) {}

  /** A name and its matching key. */
  public record Name(String text, String key) {}

  public record Entity(String id, String label, String description, String qid, List<Type> types, List<Name> names,
      List<Fact> facts) {
    public boolean hasType(String typeId) {
      return types.stream().anyMatch(t -> t.id().equalsIgnoreCase(typeId));
    }
  }

  static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[0-9]{3}|20[0-9]{2})(?!\\d)");

  private final Map<String, Entity> entities;
  private final Map<String, Type> types;
  private final Map<String, String> propertyLabels;

  private ReconIndex(Map<String, Entity> entities, Map<String, Type> types, Map<String, String> propertyLabels) {
    this.entities = entities;
    this.types = types;
    this.propertyLabels = propertyLabels;
  }

  public static ReconIndex load(Dataset ds) {
    Map<String, String[]> heads = new LinkedHashMap<>();
    for (QuerySolution r : Queries.selectAll(ds, Queries.load("reconcile-entities"))) {
      String id = id(r.get("e"));
      String[] head = heads.computeIfAbsent(id, k -> new String[3]);
      head[0] = r.getLiteral("label").getLexicalForm();
      if (r.contains("description")) head[1] = r.getLiteral("description").getLexicalForm();
      if (r.contains("wd")) head[2] = r.getResource("wd").getURI().substring(Namespaces.WD.length());
    }
    Map<String, Set<String>> names = new LinkedHashMap<>();
    for (QuerySolution r : Queries.selectAll(ds, Queries.load("reconcile-names"))) {
      String id = id(r.get("e"));
      String name = r.getLiteral("name").getLexicalForm();
      Set<String> set = names.computeIfAbsent(id, k -> new LinkedHashSet<>());
      set.add(name);
      // A historian's spreadsheet may spell a Russian name in any system: index them all.
      set.addAll(Romanisation.forms(name));
    }
    Map<String, Type> allTypes = new LinkedHashMap<>();
    Map<String, List<Type>> typesOf = new LinkedHashMap<>();
    for (QuerySolution r : Queries.selectAll(ds, Queries.load("reconcile-types"))) {
      String t = r.getResource("type").getLocalName();
      String label = r.contains("typeLabel") ? r.getLiteral("typeLabel").getLexicalForm() : t;
      Type type = allTypes.computeIfAbsent(t, k -> new Type(k, label));
      List<Type> list = typesOf.computeIfAbsent(id(r.get("e")), k -> new ArrayList<>());
      if (!list.contains(type)) list.add(type);
    }
    Map<String, List<Fact>> facts = new LinkedHashMap<>();
    Map<String, String> propertyLabels = new LinkedHashMap<>();
    for (QuerySolution r : Queries.selectAll(ds, Queries.load("reconcile-statements"))) {
      RDFNode v = r.get("value");
      String property = r.getResource("property").getLocalName();
      String plabel = r.contains("propertyLabel") ? r.getLiteral("propertyLabel").getLexicalForm() : property;
      propertyLabels.putIfAbsent(property, plabel);
      boolean isEntity = v.isURIResource() && v.asResource().getURI().startsWith(Namespaces.ID);
      String valueId = isEntity ? id(v) : null;
      String value = r.contains("valueLabel") ? r.getLiteral("valueLabel").getLexicalForm()
          : v.isLiteral() ? v.asLiteral().getLexicalForm() : v.isURIResource() ? v.asResource().getLocalName() : v.toString();
      facts.computeIfAbsent(id(r.get("e")), k -> new ArrayList<>()).add(new Fact(property, plabel, valueId, value,
          lexical(r, "start"), lexical(r, "end"), lexical(r, "date"), r.getLiteral("source").getLexicalForm(),
          r.getLiteral("lines").getLexicalForm(), r.getLiteral("claim").getBoolean()));
    }
    Map<String, Entity> entities = new LinkedHashMap<>();
    heads.forEach((id, h) -> {
      List<Name> ns = new ArrayList<>();
      Set<String> texts = new LinkedHashSet<>();
      texts.add(h[0]);
      texts.addAll(names.getOrDefault(id, Set.of()));
      for (String t : texts) {
        String key = Romanisation.key(t);
        if (!key.isEmpty() && ns.stream().noneMatch(n -> n.key().equals(key) && n.text().equals(t))) ns.add(new Name(t, key));
      }
      entities.put(id, new Entity(id, h[0], h[1], h[2], List.copyOf(typesOf.getOrDefault(id, List.of())), List.copyOf(ns),
          List.copyOf(facts.getOrDefault(id, List.of()))));
    });
    return new ReconIndex(entities, allTypes, propertyLabels);
  }

  private static String lexical(QuerySolution r, String var) {
    return r.contains(var) ? r.get(var).asLiteral().getLexicalForm() : null;
  }

  private static String id(RDFNode n) {
    return n.asResource().getURI().substring(Namespaces.ID.length());
  }

  public Optional<Entity> entity(String id) {
    return Optional.ofNullable(entities.get(id));
  }

  public Collection<Entity> entities() {
    return entities.values();
  }

  public Collection<Type> types() {
    return types.values();
  }

  public Optional<Type> type(String id) {
    return types.values().stream().filter(t -> t.id().equalsIgnoreCase(id)).findFirst();
  }

  /** The label of a property by its local name, or empty when no statement uses it. */
  public Optional<String> propertyLabel(String property) {
    return Optional.ofNullable(propertyLabels.get(property));
  }

  public Map<String, String> propertyLabels() {
    return propertyLabels;
  }
}
