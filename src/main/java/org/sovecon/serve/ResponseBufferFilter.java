package org.sovecon.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Holds a response in memory until it is complete, so that an error met while the results are being
 * written (a timeout, a failing SERVICE) replaces them with an error status and its message. Fuseki
 * streams results and, once the 200 is out, can only append its error text to what it wrote.
 *
 * <p>A response larger than the buffer is streamed from that point on: memory stays bounded, and an
 * error after that breaks the connection off (the client sees an incomplete transfer, never a body
 * that ends as if complete). Errors are recognised by the status the servlet sets: 400 or more after
 * the body has begun.
 */
final class ResponseBufferFilter implements Filter {
  private final int limit;

  ResponseBufferFilter(int limit) {
    this.limit = limit;
  }

  /** Raised to make Jetty abort a response that had to be streamed and then failed. */
  static final class AbortedResponse extends IOException {
    AbortedResponse(String message) { super(message); }
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
    if (!(resp instanceof HttpServletResponse http)) {
      chain.doFilter(req, resp);
      return;
    }
    Buffered b = new Buffered(http, limit);
    chain.doFilter(req, b);
    b.finish();
  }

  private static final class Buffered extends HttpServletResponseWrapper {
    private final HttpServletResponse real;
    private final int limit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean streaming;
    private boolean failedWhileStreaming;
    private PrintWriter writer;
    private final ServletOutputStream out = new BlockingOutputStream() {
      @Override public void write(byte[] b, int off, int len) throws IOException { append(b, off, len); }
      @Override public void flush() throws IOException { if (streaming && !failedWhileStreaming) real.getOutputStream().flush(); }
      @Override public void close() {}
    };

    Buffered(HttpServletResponse real, int limit) {
      super(real);
      this.real = real;
      this.limit = limit;
    }

    private void append(byte[] b, int off, int len) throws IOException {
      if (failedWhileStreaming) return;
      if (streaming) {
        real.getOutputStream().write(b, off, len);
        return;
      }
      buffer.write(b, off, len);
      if (buffer.size() > limit) {
        streaming = true;
        buffer.writeTo(real.getOutputStream());
        buffer.reset();
      }
    }

    /** An error status discards what was written before it; once streaming, it can only mark the failure. */
    private boolean error(int sc) {
      if (sc < 400) return false;
      if (streaming) failedWhileStreaming = true;
      else {
        buffer.reset();
        writer = null;
      }
      return true;
    }

    @Override
    public void setStatus(int sc) {
      if (error(sc) && streaming) return;
      super.setStatus(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      if (error(sc) && streaming) return;
      super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
      sendError(sc, null);
    }

    @Override public ServletOutputStream getOutputStream() { return out; }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) writer = new PrintWriter(new OutputStreamWriter(out, Charset.forName(getCharacterEncoding())));
      return writer;
    }

    // The length is known only when the response is complete; streamed responses are chunked.
    @Override public void setContentLength(int len) {}
    @Override public void setContentLengthLong(long len) {}
    @Override public void setBufferSize(int size) {}
    @Override public void flushBuffer() throws IOException { out.flush(); }
    @Override public boolean isCommitted() { return streaming || super.isCommitted(); }

    @Override
    public void resetBuffer() {
      if (!streaming) buffer.reset();
      super.resetBuffer();
    }

    @Override
    public void reset() {
      if (!streaming) buffer.reset();
      super.reset();
    }

    void finish() throws IOException {
      if (writer != null) writer.flush();
      if (failedWhileStreaming)
        throw new AbortedResponse("an error after " + limit + " bytes had been sent: the transfer is broken off");
      if (streaming) {
        real.getOutputStream().flush();
        return;
      }
      if (real.isCommitted()) return; // sendError wrote its own page
      real.setContentLength(buffer.size());
      buffer.writeTo(real.getOutputStream());
    }
  }
}
