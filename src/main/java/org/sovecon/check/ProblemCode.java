package org.sovecon.check;

/** What can be wrong with the tables. Each code is explained, with its fix, in data/README.md. */
public enum ProblemCode {
  MISSING_FILE,
  UNREADABLE_FILE,
  BAD_ENCODING,
  BAD_QUOTING,
  TOO_LARGE,
  EMPTY_FILE,
  UNDESCRIBED_TABLE,
  MISSING_COLUMN,
  UNKNOWN_COLUMN,
  DUPLICATE_COLUMN,
  CELL_COUNT,
  MISSING_VALUE,
  BAD_ID,
  DUPLICATE_ID,
  UNKNOWN_REFERENCE,
  UNKNOWN_PROPERTY,
  UNKNOWN_CLASS,
  BAD_DATE,
  BAD_NUMBER,
  BAD_PERIOD,
  UNKNOWN_SOURCE,
  BAD_LINES,
  BAD_VALUE,
  SHAPE_VIOLATION,
  CYCLE,
  POSSIBLE_DUPLICATE,
  NOTE_FACT,
  ONTOLOGY;

  /** The code as written in messages and in data/README.md: {@code unknown-reference}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
