package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sovecon.serve.reconcile.ReconSchemas;
import org.sovecon.serve.ServeOptions;

/**
 * The reconciliation service of {@code ./sovecon serve}, over real HTTP on loopback, with the
 * repository's data. Requests are written in the form OpenRefine 3.x sends them (form-encoded
 * {@code queries=} and {@code extend=}, JSONP {@code callback} on GETs); every answer is checked
 * against the Reconciliation API's published JSON schemas and then for its content.
 */
class ReconcileIT {
  static FusekiServer server;
  static String base;
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws IOException {
    server = SafetyServers.start(ServeOptions.defaults());
    base = "http://127.0.0.1:" + server.getHttpPort() + "/sovecon/reconcile";
  }

  @AfterAll
  static void stop() {
    if (server != null) server.stop();
  }

  record Reply(int status, String contentType, String body) {}

  static Reply send(HttpRequest r) throws IOException, InterruptedException {
    HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Reply(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(""), resp.body());
  }

  static Reply get(String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60)).GET().build());
  }

  /** A POST as OpenRefine's StandardReconConfig and data extension send it: one form field holding JSON. */
  static Reply postForm(String field, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(field + "=" + URLEncoder.encode(json, StandardCharsets.UTF_8))).build());
  }

  static final Pattern JSONP = Pattern.compile("(?s)^([A-Za-z0-9_$.]+)\\((.*)\\);?\\s*$");

  static String unwrap(Reply r, String callback) {
    assertEquals(200, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/javascript"), r.contentType());
    Matcher m = JSONP.matcher(r.body());
    assertTrue(m.matches(), "JSONP: " + r.body());
    assertEquals(callback, m.group(1));
    return m.group(2);
  }

  static JsonObject json(Reply r) {
    assertEquals(200, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  /** The ids of the candidates of query {@code key}, best first. */
  static List<String> ids(JsonObject batch, String key) {
    List<String> out = new ArrayList<>();
    for (JsonElement c : batch.getAsJsonObject(key).getAsJsonArray("result")) out.add(c.getAsJsonObject().get("id").getAsString());
    return out;
  }

  static JsonObject top(JsonObject batch, String key) {
    return batch.getAsJsonObject(key).getAsJsonArray("result").get(0).getAsJsonObject();
  }

  @Test
  void theManifestAsOpenRefineFetchesItWithJsonp() throws Exception {
    Reply r = get("?callback=jQuery36005_1733412345678&_=1733412345679");
    String body = unwrap(r, "jQuery36005_1733412345678");
    ReconSchemas.check(ReconSchemas.load("0.2", "manifest"), body);
    JsonObject m = JsonParser.parseString(body).getAsJsonObject();
    assertEquals("https://w3id.org/sovecon/id/", m.get("identifierSpace").getAsString());
    List<String> types = new ArrayList<>();
    m.getAsJsonArray("defaultTypes").forEach(t -> types.add(t.getAsJsonObject().get("id").getAsString()));
    assertTrue(types.containsAll(List.of("Person", "Organisation", "Policy", "Place", "Event")), types.toString());
    assertEquals(base, m.getAsJsonObject("suggest").getAsJsonObject("entity").get("service_url").getAsString());
    assertTrue(m.getAsJsonObject("preview").get("url").getAsString().startsWith(base + "/preview?id="));
    // Plain JSON without a callback, and the same document.
    assertEquals(m, json(get("")));
  }

  @Test
  void aCallbackThatIsNotANameIsRefused() throws Exception {
    Reply r = get("?callback=" + URLEncoder.encode("alert(1)//", StandardCharsets.UTF_8));
    assertEquals(400, r.status(), r.body());
  }

  static final String OPENREFINE_BATCH = """
      {"q0":{"query":"Trotskii","type":"Person","type_strict":"should","limit":3},
       "q1":{"query":"Бухарин","type":"Person","type_strict":"should"},
       "q2":{"query":"Trockij","type":"Person","type_strict":"should"},
       "q3":{"query":"Kuybyshev","type":"Person","type_strict":"should"},
       "q4":{"query":"Nikolai Ivanovich Bukharin","type":"Person","type_strict":"should"},
       "q5":{"query":"Moskva","type":"Place","type_strict":"should"},
       "q6":{"query":"Moscow","type":"Person","type_strict":"should"},
       "q7":{"query":"Alexander Rykov","type":"Person","type_strict":"should",
             "properties":[{"pid":"heldPost","v":"Chairman of Sovnarkom"},{"pid":"year","v":"1927"}]},
       "q8":{"query":"Alexander Rykov","type":"Person","type_strict":"should",
             "properties":[{"pid":"heldPost","v":{"id":"gosplan-chairman","name":"Chairman of Gosplan"}}]},
       "q9":{"query":"Alexander Rykov","type":"Person","type_strict":"should"},
       "q10":{"query":"Iosif Vissarionovich Stalin"},
       "q11":{"query":"Pyatakov","type":["Person","Organisation"]}}""";

  @Test
  void aBatchInOpenRefinesFormIsReconciledAcrossScriptsAndRomanisations() throws Exception {
    ReconSchemas.check(ReconSchemas.load("0.2", "reconciliation-query-batch"), OPENREFINE_BATCH);
    Reply r = postForm("queries", OPENREFINE_BATCH);
    JsonObject batch = json(r);
    ReconSchemas.check(ReconSchemas.load("0.2", "reconciliation-result-batch"), r.body());
    assertEquals(12, batch.size());
    assertEquals("trotsky", ids(batch, "q0").get(0));
    assertTrue(ids(batch, "q0").size() <= 3, "limit 3");
    assertTrue(top(batch, "q0").get("match").getAsBoolean(), "Trotskii is certainly Trotsky: " + top(batch, "q0"));
    assertEquals("bukharin", ids(batch, "q1").get(0));
    assertEquals("trotsky", ids(batch, "q2").get(0));
    assertEquals("kuibyshev", ids(batch, "q3").get(0));
    assertEquals("bukharin", ids(batch, "q4").get(0));
    assertEquals("moscow", ids(batch, "q5").get(0));
    assertFalse(ids(batch, "q6").contains("moscow"), "the type filter keeps the city out of people: " + ids(batch, "q6"));
    assertEquals("stalin", ids(batch, "q10").get(0));
    assertEquals("pyatakov", ids(batch, "q11").get(0));
    for (JsonElement t : top(batch, "q1").getAsJsonArray("type"))
      if (t.getAsJsonObject().get("id").getAsString().equals("Person")) return;
    throw new AssertionError("the candidate's types include Person: " + top(batch, "q1"));
  }

  /** The name alone is not certain (the text's Rykov is A. I.): a post and a year that agree settle it. */
  @Test
  void postsAndDatesRaiseTheScoreAndAContradictionLowersIt() throws Exception {
    JsonObject batch = json(postForm("queries", OPENREFINE_BATCH));
    double plain = top(batch, "q9").get("score").getAsDouble();
    assertTrue(plain < 100, "the name alone: " + top(batch, "q9"));
    JsonObject agreeing = top(batch, "q7"), contradicted = top(batch, "q8");
    assertEquals("rykov", agreeing.get("id").getAsString());
    assertTrue(agreeing.get("score").getAsDouble() > plain, agreeing + " vs " + plain);
    assertEquals(2, feature(agreeing, "properties_agreeing"), agreeing.toString());
    assertEquals("rykov", contradicted.get("id").getAsString());
    assertTrue(contradicted.get("score").getAsDouble() < plain, contradicted + " vs " + plain);
    assertFalse(contradicted.get("match").getAsBoolean(), "a contradicted candidate is never matched automatically");
  }

  static double feature(JsonObject candidate, String id) {
    for (JsonElement f : candidate.getAsJsonArray("features"))
      if (f.getAsJsonObject().get("id").getAsString().equals(id)) return f.getAsJsonObject().get("value").getAsDouble();
    throw new AssertionError("no feature " + id + " in " + candidate);
  }

  @Test
  void theDraft1FormIsAnsweredInItsOwnShape() throws Exception {
    String body = """
        {"queries":[{"type":"Person","limit":2,"conditions":[{"matchType":"name","propertyValue":"Zinovyev"}]},
                    {"conditions":[{"matchType":"name","propertyValue":"Госплан"}]}]}""";
    ReconSchemas.check(ReconSchemas.load("1.0-draft", "reconciliation-query-batch"), body);
    Reply r = send(HttpRequest.newBuilder(URI.create(base)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    JsonObject o = json(r);
    ReconSchemas.check(ReconSchemas.load("1.0-draft", "reconciliation-result-batch"), r.body());
    JsonArray results = o.getAsJsonArray("results");
    assertEquals("zinoviev", results.get(0).getAsJsonObject().getAsJsonArray("candidates").get(0).getAsJsonObject().get("id").getAsString());
    assertEquals("gosplan", results.get(1).getAsJsonObject().getAsJsonArray("candidates").get(0).getAsJsonObject().get("id").getAsString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "not JSON,            queries, {\"q0\":",
      "a query without text, queries, {\"q0\":{\"type\":\"Person\"}}",
      "an unknown property, extend,  {\"ids\":[\"stalin\"],\"properties\":[{\"id\":\"noSuchProperty\"}]}"})
  void badRequestsGetA400ThatSaysWhy(String what, String field, String json) throws Exception {
    Reply r = postForm(field, json);
    assertEquals(400, r.status(), r.body());
    assertTrue(JsonParser.parseString(r.body()).getAsJsonObject().get("message").getAsString().length() > 10, r.body());
  }

  @Test
  void suggestFindsEntitiesTypesAndPropertiesByPrefix() throws Exception {
    String e = unwrap(get("/suggest/entity?prefix=Bukh&type=Person&callback=cb"), "cb");
    ReconSchemas.check(ReconSchemas.load("0.2", "suggest-entities-response"), e);
    JsonArray hits = JsonParser.parseString(e).getAsJsonObject().getAsJsonArray("result");
    assertEquals("bukharin", hits.get(0).getAsJsonObject().get("id").getAsString(), e);
    String cyr = get("/suggest/entity?prefix=" + URLEncoder.encode("Стал", StandardCharsets.UTF_8)).body();
    assertTrue(cyr.contains("\"id\":\"stalin\""), cyr);

    Reply t = get("/suggest/type?prefix=Org");
    ReconSchemas.check(ReconSchemas.load("0.2", "suggest-types-response"), t.body());
    assertTrue(t.body().contains("\"id\":\"Organisation\""), t.body());

    Reply p = get("/suggest/property?prefix=held");
    ReconSchemas.check(ReconSchemas.load("0.2", "suggest-properties-response"), p.body());
    assertTrue(p.body().contains("\"id\":\"heldPost\""), p.body());
  }

  @Test
  void previewIsAnHtmlCardOfTheEntity() throws Exception {
    Reply r = get("/preview?id=stalin");
    assertEquals(200, r.status());
    assertTrue(r.contentType().startsWith("text/html"), r.contentType());
    assertTrue(r.body().contains("J. V. Stalin") && r.body().contains("Q855"), r.body());
    assertEquals(404, get("/preview?id=no-such-entity").status());
  }

  @Test
  void extensionGivesTimeScopedValuesWithTheirCitationsAligned() throws Exception {
    String proposal = get("/extend/propose?type=Person&limit=20").body();
    ReconSchemas.check(ReconSchemas.load("0.2", "data-extension-property-proposal"), proposal);
    assertTrue(proposal.contains("\"id\":\"heldPost\""), proposal);

    String query = """
        {"ids":["rykov","kuibyshev","no-such-entity"],
         "properties":[{"id":"heldPost"},{"id":"heldPost@date"},{"id":"heldPost@source"},{"id":"wikidata"}]}""";
    ReconSchemas.check(ReconSchemas.load("0.2", "data-extension-query"), query);
    Reply r = postForm("extend", query);
    JsonObject o = json(r);
    ReconSchemas.check(ReconSchemas.load("0.2", "data-extension-response"), r.body());
    JsonObject rykov = o.getAsJsonObject("rows").getAsJsonObject("rykov");
    JsonArray posts = rykov.getAsJsonArray("heldPost"), dates = rykov.getAsJsonArray("heldPost@date"),
        sources = rykov.getAsJsonArray("heldPost@source");
    assertEquals(posts.size(), dates.size());
    assertEquals(posts.size(), sources.size());
    boolean seen = false;
    for (int i = 0; i < posts.size(); i++) {
      JsonObject post = posts.get(i).getAsJsonObject();
      if (!post.get("id").getAsString().equals("sovnarkom-chairman")) continue;
      String source = sources.get(i).getAsJsonObject().get("str").getAsString();
      JsonObject date = dates.get(i).getAsJsonObject();
      // bettelheim 13090-13091 says he was in office in December 1927.
      if (source.startsWith("bettelheim 13090-13091")) {
        assertEquals("1927-12", date.get("str").getAsString());
        seen = true;
      }
    }
    assertTrue(seen, "Rykov as chairman of Sovnarkom, 1927-12, bettelheim 13090-13091: " + rykov);
    assertEquals("Q443703", o.getAsJsonObject("rows").getAsJsonObject("kuibyshev").getAsJsonArray("wikidata")
        .get(0).getAsJsonObject().get("str").getAsString());
    assertEquals(0, o.getAsJsonObject("rows").getAsJsonObject("no-such-entity").getAsJsonArray("heldPost").size());
  }
}
