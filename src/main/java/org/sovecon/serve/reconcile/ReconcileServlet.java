package org.sovecon.serve.reconcile;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.jena.query.Dataset;

/**
 * The W3C Reconciliation Service API (version 0.2, what OpenRefine 3.x speaks; and the draft 1.0
 * JSON request form) over the store, at {@code /sovecon/reconcile}:
 *
 * <table>
 *   <tr><td>{@code GET /reconcile}</td><td>the manifest (JSONP with {@code callback})</td></tr>
 *   <tr><td>{@code GET|POST /reconcile?queries=…}</td><td>a batch of reconciliation queries</td></tr>
 *   <tr><td>{@code GET|POST /reconcile?extend=…}</td><td>data extension</td></tr>
 *   <tr><td>{@code POST /reconcile} with a JSON body</td><td>draft 1.0 reconciliation</td></tr>
 *   <tr><td>{@code /reconcile/suggest/entity|type|property?prefix=…}</td><td>suggest</td></tr>
 *   <tr><td>{@code /reconcile/preview?id=…}</td><td>an HTML card of one entity</td></tr>
 *   <tr><td>{@code /reconcile/extend/propose?type=…}</td><td>properties to extend a column with</td></tr>
 * </table>
 *
 * The index is read from the store at the first request. Every GET may carry {@code callback} for
 * JSONP, as OpenRefine's browser side asks for the manifest and suggestions that way.
 */
public final class ReconcileServlet extends HttpServlet {
  public static final String PATH = "/reconcile";
  private static final Pattern CALLBACK = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.]{0,100}");
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private final transient Supplier<ReconIndex> index;

  public ReconcileServlet(Dataset dataset) {
    this.index = memoise(() -> ReconIndex.load(dataset));
  }

  private static <T> Supplier<T> memoise(Supplier<T> s) {
    return new Supplier<>() {
      private volatile T value;
      @Override public synchronized T get() {
        if (value == null) value = s.get();
        return value;
      }
    };
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    serve(req, resp);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    serve(req, resp);
  }

  private void serve(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String callback = req.getParameter("callback");
    if (callback != null && !CALLBACK.matcher(callback).matches()) {
      error(resp, 400, "callback must be a JavaScript name");
      return;
    }
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    ReconService service = new ReconService(index.get(), base(req));
    try {
      switch (path) {
        case "", "/" -> {
          String body = isJson(req) ? new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : null;
          if (body != null && !body.isBlank()) json(resp, callback, service.reconcileV1(parse(body, "the request body")));
          else if (req.getParameter("queries") != null) json(resp, callback, service.reconcile(parse(req.getParameter("queries"), "queries")));
          else if (req.getParameter("query") != null) json(resp, callback, service.reconcileOne(req.getParameter("query")));
          else if (req.getParameter("extend") != null) json(resp, callback, service.extend(parse(req.getParameter("extend"), "extend")));
          else json(resp, callback, service.manifest());
        }
        case "/suggest/entity" -> json(resp, callback, service.suggestEntities(req.getParameter("prefix"), req.getParameter("type"), cursor(req)));
        case "/suggest/type" -> json(resp, callback, service.suggestTypes(req.getParameter("prefix"), cursor(req)));
        case "/suggest/property" -> json(resp, callback, service.suggestProperties(req.getParameter("prefix"), cursor(req)));
        case "/extend/propose" -> json(resp, callback, service.propose(req.getParameter("type"), intParam(req, "limit", 50)));
        case "/preview" -> preview(resp, service, req.getParameter("id"));
        default -> error(resp, 404, "no reconciliation resource " + path
            + "; see " + base(req) + " for the manifest");
      }
    } catch (BadRequest e) {
      error(resp, 400, e.getMessage());
    }
  }

  /** A malformed request: answered 400 with the reason. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) { super(message); }
  }

  private static boolean isJson(HttpServletRequest req) {
    return "POST".equals(req.getMethod()) && req.getContentType() != null && req.getContentType().startsWith("application/json");
  }

  private static JsonElement parse(String text, String what) {
    try {
      return JsonParser.parseString(text);
    } catch (JsonParseException e) {
      throw new BadRequest(what + " is not JSON: " + e.getMessage());
    }
  }

  private static int cursor(HttpServletRequest req) {
    return intParam(req, "cursor", 0);
  }

  private static int intParam(HttpServletRequest req, String name, int dflt) {
    String v = req.getParameter(name);
    if (v == null || v.isBlank()) return dflt;
    try {
      int n = Integer.parseInt(v.trim());
      if (n < 0) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " must be a non-negative whole number, not '" + v + "'");
    }
  }

  /** The service's own URL, as the client reached it (the Host header was checked by HostCheckFilter). */
  private static String base(HttpServletRequest req) {
    String uri = req.getRequestURI();
    String path = req.getPathInfo();
    String prefix = path != null && uri.endsWith(path) ? uri.substring(0, uri.length() - path.length()) : uri;
    return req.getScheme() + "://" + req.getHeader("Host") + prefix;
  }

  private static void json(HttpServletResponse resp, String callback, JsonObject body) throws IOException {
    String text = GSON.toJson(body);
    resp.setCharacterEncoding("UTF-8");
    if (callback != null) {
      resp.setContentType("application/javascript");
      text = callback + "(" + text + ");";
    } else {
      resp.setContentType("application/json");
    }
    resp.getWriter().write(text);
  }

  private static void preview(HttpServletResponse resp, ReconService service, String id) throws IOException {
    if (id == null || id.isBlank()) throw new BadRequest("preview needs an id");
    var html = service.preview(id);
    if (html.isEmpty()) {
      error(resp, 404, "no entity '" + id + "'");
      return;
    }
    resp.setCharacterEncoding("UTF-8");
    resp.setContentType("text/html");
    resp.getWriter().write(html.get());
  }

  private static void error(HttpServletResponse resp, int status, String message) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("status", "error");
    o.addProperty("message", message);
    resp.setStatus(status);
    resp.setCharacterEncoding("UTF-8");
    resp.setContentType("application/json");
    resp.getWriter().write(GSON.toJson(o));
  }
}
