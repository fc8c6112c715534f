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
import java.io.IOException;
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
  private final Set<String> endpoints;
  private final String release;

  /**
   * @param release names the served build in the answers' tags: a new build answers with new tags, and
   *                replicas serving the same build give the same ones
   */
  AnswerCacheFilter(AnswerCache cache, Set<String> endpointPaths, String release) {
    this.cache = cache;
    this.endpoints = Set.copyOf(endpointPaths);
    this.release = release;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
    // Off (size 0), the filter keeps nothing and tags nothing: the request passes untouched, unread.
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
    AnswerCache.Answer kept = asked.contains("no-cache") ? null : cache.get(id);
    if (kept != null) {
      http.setAttribute(GuardedQueryService.QUERY_ATTRIBUTE, http.getParameter("query"));
      http.setAttribute(HIT_ATTRIBUTE, Boolean.TRUE);
      describeAsCacheable(out, etag);
      if (names(header(http, "If-None-Match"), etag)) {
        out.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return;
      }
      out.setStatus(HttpServletResponse.SC_OK);
      out.setContentType(kept.contentType());
      out.setContentLength(kept.body().length);
      out.getOutputStream().write(kept.body());
      return;
    }
    Capture capture = new Capture(out, etag, cache.enabled() && !asked.contains("no-store"));
    chain.doFilter(req, capture);
    capture.flushWriter();
    byte[] body = capture.captured();
    if (body != null && capture.getStatus() == HttpServletResponse.SC_OK && capture.getContentType() != null)
      cache.put(id, new AnswerCache.Answer(capture.getContentType(), body, etag));
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
      this.copy = keep ? new ByteArrayOutputStream() : null;
    }

    private void pass(byte[] b, int off, int len) throws IOException {
      if (!described && getStatus() == SC_OK && copy != null) describeAsCacheable(real, etag);
      described = true;
      if (copy != null) {
        if (cache.fits((long) copy.size() + len)) copy.write(b, off, len);
        else copy = null;
      }
      real.getOutputStream().write(b, off, len);
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
