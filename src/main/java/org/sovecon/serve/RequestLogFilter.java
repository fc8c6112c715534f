package org.sovecon.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request: method, path, status, time, and for a query the first 12 hex digits of
 * its SHA-256 and its length, which tell repeated queries apart without keeping what people asked.
 * With {@code logQueries} the text follows, on one line. (Fuseki's own request log, which prints
 * every query in full, is kept at warning level in simplelogger.properties.)
 */
final class RequestLogFilter implements Filter {
  static final Logger LOG = LoggerFactory.getLogger("org.sovecon.serve.requests");

  private final boolean logQueries;
  private final UserActivity activity;

  RequestLogFilter(boolean logQueries, UserActivity activity) {
    this.logQueries = logQueries;
    this.activity = activity;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) req;
    if (http.getHeader(EngineWarmUp.HEADER) != null && SoveconServer.isLoopback(http.getRemoteAddr())) {
      chain.doFilter(req, resp); // the server's own warm-up (EngineWarmUp), logged once as a whole
      return;
    }
    activity.touch();
    long t0 = System.nanoTime();
    String outcome = null;
    try {
      chain.doFilter(req, resp);
    } catch (IOException | ServletException | RuntimeException e) {
      outcome = "broken off (" + e.getMessage() + ")";
      throw e;
    } finally {
      if (outcome == null) outcome = String.valueOf(((HttpServletResponse) resp).getStatus());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      Object q = req.getAttribute(GuardedQueryService.QUERY_ATTRIBUTE);
      String query = q instanceof String s ? describe(s) : "";
      if (req.getAttribute(AnswerCacheFilter.HIT_ATTRIBUTE) != null) query += " (answer kept)";
      LOG.info("{} {} {} {} ms{}", http.getMethod(), http.getRequestURI(), outcome, ms, query);
    }
  }

  private String describe(String query) {
    String line = " query " + hash(query) + " (" + query.length() + " chars)";
    return logQueries ? line + ": " + query.replaceAll("\\s+", " ").strip() : line;
  }

  static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
