package org.sovecon.table;

import java.nio.file.Path;
import java.util.List;

/** A table read from a CSV file: what kind it is, its header and its rows. */
public record Table(Path file, TableKind kind, String defaultClass, List<String> header, List<Row> rows) {}
