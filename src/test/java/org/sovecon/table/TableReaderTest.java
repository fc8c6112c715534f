package org.sovecon.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.check.ProblemCode;

/** The reader's limits on a file too large to keep in the repository's bad-input corpus. */
class TableReaderTest {
  @TempDir Path tmp;

  @Test
  void aHugeFileIsRefusedBeforeItIsRead() throws IOException {
    Path f = tmp.resolve("huge.csv");
    byte[] row = "commission,partOf,council,,,,testsrc,10,,\n".getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write("subject,property,object,start,end,date,source,lines,claimed_by,note\n".getBytes(StandardCharsets.US_ASCII));
      for (long n = 0; n * row.length <= TableReader.MAX_FILE_BYTES; n++) out.write(row);
    }
    var e = assertThrows(TableReader.BadTable.class, () -> TableReader.read(f, TableKind.FACTS, null));
    assertEquals(ProblemCode.TOO_LARGE, e.code());
    assertEquals("the file has " + String.format("%,d", Files.size(f)) + " bytes; a table may have at most 16,777,216: split it into several files",
        e.getMessage());
  }

  @Test
  void aQuoteOpenedOnLineFiveIsReportedThereNotWhereTheParserNoticesIt() throws IOException {
    Path f = tmp.resolve("t.csv");
    Files.writeString(f, "a,b\n1,2\n3,4\n5,6\n7,\"open\n8,9\n10,\"x\"y\n");
    var e = assertThrows(TableReader.BadTable.class, () -> TableReader.read(f, TableKind.FACTS, null));
    assertEquals(5, e.line());
    assertEquals(2, e.column());
  }

  @Test
  void aLatin1ByteIsReportedAtItsLineAndCell() throws IOException {
    Path f = tmp.resolve("t.csv");
    Files.write(f, "a,b,c\n1,2,3\nx,\"multi\nline\",Moskv\u00e1\n".getBytes(StandardCharsets.ISO_8859_1));
    var e = assertThrows(TableReader.BadTable.class, () -> TableReader.read(f, TableKind.FACTS, null));
    assertEquals(ProblemCode.BAD_ENCODING, e.code());
    assertEquals(4, e.line());
    assertEquals(3, e.column());
    assertEquals("byte 0xE1 after 'line\",Moskv' is not UTF-8 (character 12 of the line; in Latin-1/Windows-1252 it would be 'á'): save the file as UTF-8",
        e.getMessage());
  }
}
