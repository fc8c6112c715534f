package org.sovecon.serve;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The output stream a response wrapper hands to the servlet when it keeps or copies what is written:
 * blocking writes only, every byte through {@link #write(byte[], int, int)}.
 */
abstract class BlockingOutputStream extends ServletOutputStream {
  @Override public abstract void write(byte[] b, int off, int len) throws IOException;

  @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

  // ServletOutputStream.print refuses characters beyond Latin-1, and Fuseki writes its error messages
  // (which quote the query) with it: a message in Russian would arrive as an empty body.
  @Override public void print(String s) throws IOException {
    byte[] b = String.valueOf(s).getBytes(StandardCharsets.UTF_8);
    write(b, 0, b.length);
  }

  @Override public boolean isReady() { return true; }

  @Override public void setWriteListener(WriteListener l) { throw new UnsupportedOperationException("blocking writes only"); }
}
