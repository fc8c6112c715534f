package org.sovecon.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Answers a query that was answered before from {@link AnswerCache}, without running it again, and
 * lets HTTP caches do the same: every answer the server could keep carries an {@code ETag} (the served
 * build and the request), {@code Cache-Control: no-cache} (keep it, but ask before reusing it) and
 * {@code Vary: Accept}; a request whose {@code If-None-Match} names the answer gets a 304.
 *
 * <p>The graph is read-only and fixed for the server's life, so the same request always has the same
 * answer, except for queries that call a remote endpoint ({@code SERVICE}: Wikidata changes) or ask for
 * the time, random numbers or fresh identifiers: those are never kept. A request that says
 * {@code Cache-Control: no-cache} is answered by the engine; {@code no-store} leaves its answer out of
 * the cache. Only complete 200 answers are kept, never errors or timeouts. A request is the endpoint,
 * its parameters (the query, {@code default-graph-uri}, {@code format}…) and its {@code Accept} header;
 * GET and a POSTed form with the same parameters are the same request.
 */
final class AnswerCacheFilter implements Filter {
  /** Set on a request answered from the cache, for the request log. */
  static final String HIT_ATTRIBUTE = "org.sovecon.answer-cache";

  private static final Pattern NOT_REPEATABLE = Pattern.compile(
      "\\bSERVICE\\b|\\b(NOW|RAND|UUID|STRUUID|BNODE)\\s*\\(", Pattern.CASE_INSENSITIVE);
  private static final String CACHE_CONTROL = "no-cache";

  private final AnswerCache cache;
  private final AnswerFiles files;
  private final Set<String> endpoints;
  private final String release;

  /**
   * @param release names the served build in the answers' tags: a new build answers with new tags, and
   *                replicas serving the same build give the same ones
   */
  AnswerCacheFilter(AnswerCache cache, Set<String> endpointPaths, String release) {
    this(cache, AnswerFiles.NONE, endpointPaths, release);
  }

  /**
   * As above, with the answers too big for {@code cache} kept in {@code files} (used only when
   * {@code cache} is on).
   */
  AnswerCacheFilter(AnswerCache cache, AnswerFiles files, Set<String> endpointPaths, String release) {
    this.cache = cache;
    this.files = files;
    this.endpoints = Set.copyOf(endpointPaths);
    this.release = release;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
    // Off (size 0), the filter keeps nothing and tags nothing, on the heap or on disk: the request passes untouched, unread.
    if (!cache.enabled()) {
      chain.doFilter(req, resp);
      return;
    }
    String key = req instanceof HttpServletRequest http && resp instanceof HttpServletResponse ? keyOf(http) : null;
    if (key == null) {
      chain.doFilter(req, resp);
      return;
    }
    HttpServletRequest http = (HttpServletRequest) req;
    HttpServletResponse out = (HttpServletResponse) resp;
    // Kept under the request's digest, not its text: a query may be 256 KiB long, and the cache's bound
    // counts what it holds.
    String id = digest(key);
    String etag = "\"" + release + "-" + id.substring(0, 24) + "\"";
    String asked = header(http, "Cache-Control");
    boolean reuse = !asked.contains("no-cache");
    AnswerCache.Answer kept = reuse ? cache.get(id) : null;
    if (kept != null) {
      if (answeredFromKept(http, out, etag)) return;
      out.setContentType(kept.contentType());
      out.setContentLength(kept.body().length);
      out.getOutputStream().write(kept.body());
      return;
    }
    AnswerFiles.Opened onDisk = reuse && files.enabled() ? files.open(id) : null;
    if (onDisk != null) {
      try (var body = onDisk.body()) {
        if (answeredFromKept(http, out, etag)) return;
        out.setContentType(onDisk.entry().contentType());
        out.setContentLengthLong(onDisk.entry().length());
        body.transferTo(out.getOutputStream());
      }
      return;
    }
    Capture capture = new Capture(out, etag, !asked.contains("no-store"));
    try {
      chain.doFilter(req, capture);
      capture.flushWriter();
      boolean complete = capture.getStatus() == HttpServletResponse.SC_OK && capture.getContentType() != null;
      byte[] body = capture.captured();
      if (body != null && complete) cache.put(id, new AnswerCache.Answer(capture.getContentType(), body, etag));
      Path file = capture.spilled();
      if (file != null && complete) {
        files.put(id, new AnswerFiles.Entry(capture.getContentType(), etag, file, capture.spilledLength()));
        capture.handedOver();
      }
    } finally {
      capture.discard();
    }
  }

  /** Marks a response as answered from a kept answer; true when the client's copy is current (a 304 was sent). */
  private static boolean answeredFromKept(HttpServletRequest http, HttpServletResponse out, String etag) {
    http.setAttribute(GuardedQueryService.QUERY_ATTRIBUTE, http.getParameter("query"));
    http.setAttribute(HIT_ATTRIBUTE, Boolean.TRUE);
    describeAsCacheable(out, etag);
    if (names(header(http, "If-None-Match"), etag)) {
      out.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return true;
    }
    out.setStatus(HttpServletResponse.SC_OK);
    return false;
  }

  /** The request as a cache key, or null if its answer may not be kept. */
  String keyOf(HttpServletRequest http) {
    if (!endpoints.contains(http.getRequestURI())) return null;
    String method = http.getMethod();
    boolean form = method.equals("POST") && header(http, "Content-Type").toLowerCase(Locale.ROOT)
        .startsWith("application/x-www-form-urlencoded");
    if (!method.equals("GET") && !form) return null; // a query POSTed as the body is read by Fuseki alone
    String query = http.getParameter("query");
    if (query == null || NOT_REPEATABLE.matcher(query).find()) return null;
    StringBuilder k = new StringBuilder(http.getRequestURI()).append('\n').append(header(http, "Accept"));
    for (var p : new TreeMap<>(http.getParameterMap()).entrySet())
      for (String v : p.getValue()) k.append('\n').append(p.getKey()).append('=').append(v);
    return k.toString();
  }

  private static void describeAsCacheable(HttpServletResponse out, String etag) {
    out.setHeader("ETag", etag);
    out.setHeader("Cache-Control", CACHE_CONTROL);
    out.setHeader("Pragma", null);
    out.addHeader("Vary", "Accept");
  }

  private static boolean names(String ifNoneMatch, String etag) {
    if (ifNoneMatch.isBlank()) return false;
    for (String t : ifNoneMatch.split(",")) {
      String tag = t.strip();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) return true;
    }
    return false;
  }

  private static String header(HttpServletRequest http, String name) {
    String v = http.getHeader(name);
    return v == null ? "" : v;
  }

  private static String digest(String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Passes the response through and keeps a copy of its body while it fits the cache. Fuseki marks
   * every answer as not to be stored; a 200 answer that could be kept is marked as above instead (its
   * headers replaced), as its first byte goes out (the status is final by then: the buffer downstream writes only complete
   * answers, see {@link ResponseBufferFilter}).
   */
  private final class Capture extends HttpServletResponseWrapper {
    private final HttpServletResponse real;
    private final String etag;
    private ByteArrayOutputStream copy;
    /** Where the copy goes once it outgrows the heap's cache (when big answers are kept on disk). */
    private Path spill;
    private OutputStream spillOut;
    private long spillLength;
    private boolean keeping;
    private boolean described;
    private PrintWriter writer;
    private final ServletOutputStream stream = new BlockingOutputStream() {
      @Override public void write(byte[] b, int off, int len) throws IOException { pass(b, off, len); }
      @Override public void flush() throws IOException { real.getOutputStream().flush(); }
    };

    Capture(HttpServletResponse real, String etag, boolean keep) {
      super(real);
      this.real = real;
      this.etag = etag;
      this.keeping = keep;
      this.copy = keep ? new ByteArrayOutputStream() : null;
    }

    private void pass(byte[] b, int off, int len) throws IOException {
      if (!described && getStatus() == SC_OK && keeping) describeAsCacheable(real, etag);
      described = true;
      if (copy != null) {
        if (cache.fits((long) copy.size() + len)) copy.write(b, off, len);
        else if (files.enabled() && files.fits((long) copy.size() + len)) {
          spill = files.newFile();
          spillOut = new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
          copy.writeTo(spillOut);
          spillLength = copy.size();
          copy = null;
        } else copy = null;
      }
      if (spillOut != null) {
        if (files.fits(spillLength + len)) {
          spillOut.write(b, off, len);
          spillLength += len;
        } else discard();
      }
      real.getOutputStream().write(b, off, len);
    }

    /** The file holding the whole answer, closed, or null when it was not spilled or did not fit. */
    Path spilled() throws IOException {
      if (spillOut == null) return null;
      spillOut.close();
      spillOut = null;
      return spill;
    }

    long spilledLength() {
      return spillLength;
    }

    /** The spilled file is the store's now: {@link #discard} leaves it. */
    void handedOver() {
      spill = null;
    }

    /** Drops a spilled copy nobody took (an error, a status other than 200, too big). */
    void discard() {
      if (spillOut != null) {
        try {
          spillOut.close();
        } catch (IOException ignored) {
          // the file goes below
        }
        spillOut = null;
      }
      if (spill != null) {
        AnswerFiles.delete(spill);
        spill = null;
      }
    }

    @Override public ServletOutputStream getOutputStream() { return stream; }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) writer = new PrintWriter(new OutputStreamWriter(stream, Charset.forName(getCharacterEncoding())));
      return writer;
    }

    void flushWriter() {
      if (writer != null) writer.flush();
    }

    byte[] captured() {
      return copy == null ? null : copy.toByteArray();
    }
  }
}
