package org.sovecon.table;

import java.util.List;

/**
 * The kinds of table in data/. Tables of one kind share their logic and differ only in columns: an
 * entity table may add columns named after ontology properties (posts.csv has postIn).
 */
public enum TableKind {
  SOURCES(
      List.of("id", "file", "title", "lines"),
      List.of("author", "published", "notes", "sha256", "restates", "wikidata"),
      false),
  ENTITIES(
      List.of("id", "label", "description", "source", "lines"),
      List.of("type", "label_ru", "translit", "aliases", "erroneous_aliases", "wikidata", "wikidata_close",
          "wikidata_evidence", "note"),
      true),
  FACTS(
      List.of("subject", "property", "object", "source", "lines"),
      List.of("start", "end", "date", "role", "regarding", "claimed_by", "stated_in", "rank", "rank_reason", "note"),
      false),
  DATASETS(List.of("id", "label", "source", "lines"), List.of("description", "note"), false),
  RESTATEMENTS(
      List.of("source", "lines", "restated_source", "restated_lines"),
      List.of("note"),
      false),
  OBSERVATIONS(
      List.of("dataset", "value", "unit", "source", "lines"),
      List.of("period", "subject", "item", "status", "bound", "upper", "base", "claimed_by", "stated_in", "rank",
          "rank_reason", "note"),
      false),
  /** Links between two claims that only a reader can see (data/claim-links.csv); the build computes the rest. */
  CLAIM_LINKS(
      List.of("subject", "property", "source", "lines", "other_source", "other_lines", "kind", "reason"),
      List.of(),
      false);

  private final List<String> required;
  private final List<String> optional;
  private final boolean propertyColumns;

  TableKind(List<String> required, List<String> optional, boolean propertyColumns) {
    this.required = required;
    this.optional = optional;
    this.propertyColumns = propertyColumns;
  }

  /** Columns the header must have, and whose cells must not be empty. */
  public List<String> required() {
    return required;
  }

  public List<String> optional() {
    return optional;
  }

  /** Whether other columns are allowed when they name an ontology property. */
  public boolean allowsPropertyColumns() {
    return propertyColumns;
  }

  public boolean knows(String column) {
    return required.contains(column) || optional.contains(column);
  }
}
