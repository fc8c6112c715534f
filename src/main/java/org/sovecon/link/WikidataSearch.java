package org.sovecon.link;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Wikidata's {@code wbsearchentities} API: the items whose label or alias matches a name.
 *
 * <pre>
 *   WikidataSearch api = new WikidataSearch(URI.create(WikidataSearch.WIKIDATA_API), Duration.ofSeconds(10));
 *   List&lt;WikidataSearch.Hit&gt; hits = api.search("Rykov", "en", 5);
 * </pre>
 *
 * A network that cannot reach the API (no route, no name resolution, connection refused or timed
 * out) is reported as {@link Offline}, which the command turns into a message and exit code 0.
 */
public final class WikidataSearch {
  public static final String WIKIDATA_API = "https://www.wikidata.org/w/api.php";
  /** Wikimedia asks API clients to name themselves (https://meta.wikimedia.org/wiki/User-Agent_policy). */
  static final String USER_AGENT = "sovecon-link/0.1 (https://w3id.org/sovecon; knowledge graph of the early Soviet economy)";

  /** One item the API proposes: its id, label, description, and the name it matched on. */
  public record Hit(String qid, String label, String description, String matchType, String matchedText) {}

  /** The API cannot be reached from here. */
  public static final class Offline extends IOException {
    Offline(String message, Throwable cause) { super(message, cause); }
  }

  private final URI api;
  private final Duration timeout;
  private final HttpClient http;

  public WikidataSearch(URI api, Duration timeout) {
    this.api = api;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  public URI api() {
    return api;
  }

  public List<Hit> search(String name, String language, int limit) throws IOException {
    String q = "?action=wbsearchentities&format=json&type=item&limit=" + limit
        + "&language=" + enc(language) + "&uselang=en&search=" + enc(name);
    HttpRequest req = HttpRequest.newBuilder(URI.create(api + q)).timeout(timeout)
        .header("User-Agent", USER_AGENT).header("Accept", "application/json").GET().build();
    HttpResponse<String> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException | UnknownHostException | HttpConnectTimeoutException e) {
      throw new Offline("cannot reach " + api + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (resp.statusCode() != 200) throw new IOException(api + " answered " + resp.statusCode() + " for '" + name + "'");
    return parse(resp.body(), name);
  }

  static List<Hit> parse(String body, String name) throws IOException {
    JsonObject o;
    try {
      o = JsonParser.parseString(body).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IOException("the answer for '" + name + "' is not JSON: " + e.getMessage(), e);
    }
    if (o.has("error")) throw new IOException("the API refused '" + name + "': " + o.get("error"));
    List<Hit> hits = new ArrayList<>();
    if (!o.has("search")) return hits;
    for (JsonElement e : o.getAsJsonArray("search")) {
      JsonObject h = e.getAsJsonObject();
      JsonObject match = h.has("match") ? h.getAsJsonObject("match") : new JsonObject();
      hits.add(new Hit(text(h, "id"), text(h, "label"), text(h, "description"), text(match, "type"), text(match, "text")));
    }
    return hits;
  }

  private static String text(JsonObject o, String key) {
    return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : "";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
