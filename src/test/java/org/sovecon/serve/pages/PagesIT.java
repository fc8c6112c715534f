package org.sovecon.serve.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.TestProjects;
import org.sovecon.serve.SoveconServer;
import org.sovecon.store.StoreReader;
import org.sovecon.vocab.Namespaces;

/**
 * The browsable side of the server over real HTTP: CORS, entity pages and their content negotiation,
 * escaping of hostile labels, the ontology's IRI, search with romanised spellings, the editor's files.
 * The data is the test fixture plus a few people written here (one with hostile labels); the pages
 * as of a date are read over the repository's own data (the store shared by the tests that read it).
 */
class PagesIT {
  @TempDir static Path tmp;
  static FusekiServer server;
  static Dataset dataset;
  static String base;
  /** The repository's own data, for the pages as of a date (real posts, real dates). */
  static FusekiServer real;
  static String realBase;
  static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** A label that would run a script, close an attribute or start an entity if it were not escaped. */
  static final String HOSTILE = "<script>alert(\"x\")</script><img src=x onerror='y'>&amp;";

  @BeforeAll
  static void serve() throws Exception {
    dataset = FixtureServer.build(tmp);
    server = SoveconServer.create(dataset, "127.0.0.1", 0);
    server.start();
    base = "http://127.0.0.1:" + server.getHttpPort();
    real = SoveconServer.create(TestProjects.sharedBuiltStore(), "127.0.0.1", 0);
    real.start();
    realBase = "http://127.0.0.1:" + real.getHttpPort();
  }

  @AfterAll
  static void stop() {
    if (server != null) server.stop();
    if (real != null) real.stop();
    if (dataset != null) StoreReader.close(dataset);
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    return getFrom(base, path, headers);
  }

  static HttpResponse<String> getFrom(String server, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server + path)).GET();
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  // ---- CORS

  @Test
  void preflightIsAnsweredWithoutRedirect() throws Exception {
    for (String path : List.of("/sovecon/sparql", "/sovecon/query", "/id/commission")) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
          .header("Origin", "http://127.0.0.1:9")
          .header("Access-Control-Request-Method", "POST")
          .header("Access-Control-Request-Headers", "content-type,accept").build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), path);
      assertEquals("http://127.0.0.1:9", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path);
      assertTrue(r.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"), path);
      assertTrue(r.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase().contains("content-type"), path);
    }
  }

  @Test
  void crossOriginQueryAndPageCarryTheHeader() throws Exception {
    String q = URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8);
    HttpResponse<String> r = get("/sovecon/sparql?query=" + q, "Origin", "http://localhost:9", "Accept", "application/sparql-results+json");
    assertEquals(200, r.statusCode());
    assertEquals("http://localhost:9", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    HttpResponse<String> page = get("/id/commission", "Origin", "http://localhost:9", "Accept", "text/turtle");
    assertEquals(200, page.statusCode());
    assertEquals("http://localhost:9", page.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
  }

  // ---- entity pages

  @Test
  void anInferredFactShowsHowItWasInferred() throws Exception {
    HttpResponse<String> r = get("/id/commission", "Accept", "text/html");
    assertEquals(200, r.statusCode());
    // commission partOf council (asserted) and partOf rdfs:subPropertyOf dcterms:isPartOf give the inferred
    // isPartOf; the page names the rule and links the premise's subject and object.
    int at = r.body().indexOf("class=\"derivation\">by <code>rule:sub-property</code>");
    assertTrue(at > 0, r.body());
    String derivation = r.body().substring(at, r.body().indexOf("</div>", at));
    assertTrue(derivation.contains("href=\"/id/commission\"") && derivation.contains("href=\"/id/council\""), derivation);
  }

  @Test
  void entityPageShowsStatementsWithCitationsAndInbound() throws Exception {
    HttpResponse<String> r = get("/id/commission", "Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    String html = r.body();
    assertTrue(html.contains("<h1>Special Commission</h1>"), html);
    assertTrue(html.contains("href=\"/id/council\">Supreme Council</a>"), "statement value links to a page on this server");
    assertTrue(html.contains("lines 10-12"), "citation lines");
    assertTrue(html.contains("href=\"/source/testsrc\""), "citation source");
    assertTrue(html.contains("1925-03"), "qualifier date");
    assertTrue(html.contains(">inferred<"), "an inferred fact is marked");
    assertTrue(html.contains("What links here"), "inbound links");
  }

  @Test
  void namesInEveryScriptAndHiddenRomanisations() throws Exception {
    String html = get("/id/council", "Accept", "text/html").body();
    assertTrue(html.contains("Высший совет"), "Cyrillic name");
    assertTrue(html.contains("Vysshii sovet"), "Library of Congress form as hidden label");
    assertTrue(html.contains("Vysšij sovet"), "ISO 9 form as hidden label");
  }

  @Test
  void eachRdfFormatGivesTheSameGraph() throws Exception {
    Graph turtle = parse("/id/commission", "text/turtle", Lang.TURTLE);
    assertTrue(turtle.contains(NodeFactory.createURI(Namespaces.ID + "commission"), NodeFactory.createURI(Namespaces.SOV + "partOf"),
        NodeFactory.createURI(Namespaces.ID + "council")));
    assertTrue(turtle.size() > 20, "statements and citations come along: " + turtle.size());
    for (var f : List.of(List.of("application/ld+json", Lang.JSONLD), List.of("application/rdf+xml", Lang.RDFXML),
        List.of("application/n-triples", Lang.NTRIPLES)))
      assertTrue(turtle.isIsomorphicWith(parse("/id/commission", (String) f.get(0), (Lang) f.get(1))), "same graph as " + f.get(0));
    assertTrue(turtle.isIsomorphicWith(parse("/id/commission?format=nt", "text/html", Lang.NTRIPLES)), "?format= wins over Accept");
  }

  static Graph parse(String path, String accept, Lang lang) throws Exception {
    HttpResponse<String> r = get(path, "Accept", accept);
    assertEquals(200, r.statusCode(), path + " as " + accept);
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.source(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8))).lang(lang).parse(g);
    return g;
  }

  @Test
  void sourcesAndCitationsHavePagesToo() throws Exception {
    assertTrue(get("/source/testsrc", "Accept", "text/html").body().contains("A test source"));
    HttpResponse<String> cit = get("/citation/testsrc/10-12", "Accept", "text/html");
    assertEquals(200, cit.statusCode());
    assertTrue(cit.body().contains("Special Commission"), "a citation lists the statements citing it");
  }

  @Test
  void unknownIriIs404AndUnknownFormat400() throws Exception {
    assertEquals(404, get("/id/no-such-thing", "Accept", "text/html").statusCode());
    assertEquals(400, get("/id/commission?format=docx").statusCode());
  }

  @Test
  void hostileLabelsAreEscaped() throws Exception {
    String html = get("/id/hostile", "Accept", "text/html").body();
    assertFalse(html.contains("<script>alert"), "no script element from a label");
    assertFalse(html.contains("<img src=x"), "no element from a label");
    assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt;&amp;amp;"), html);
    String search = get("/search?q=" + URLEncoder.encode("hostile \"<b>", StandardCharsets.UTF_8)).body();
    assertFalse(search.contains("<b>") || search.contains("<script>alert"), "neither the query nor a hit's label is markup");
    assertTrue(search.contains("&lt;b&gt;"), "the query is shown escaped");
  }

  // ---- the ontology IRI

  @Test
  void ontologyGivesTurtleToProtegeAndHtmlToABrowser() throws Exception {
    Graph g = parse("/ontology", "text/turtle", Lang.TURTLE);
    assertTrue(g.contains(NodeFactory.createURI(Namespaces.SOV + "Organisation"), NodeFactory.createURI(Namespaces.RDF + "type"),
        NodeFactory.createURI(Namespaces.OWL + "Class")));
    String html = get("/ontology", "Accept", "text/html").body();
    assertTrue(html.contains("id=\"Organisation\""), "each term is an anchor: ontology#Organisation lands on it");
  }

  // ---- search

  @Test
  void searchFindsEverySpellingAndWholeWordsOnly() throws Exception {
    for (String q : List.of("Pyatakov", "Piatakov", "Pâtakov", "patakov", "Пятаков", "PYATAKOV"))
      assertTrue(firstHit(q).contains("href=\"/id/pyatakov\""), q);
    for (String q : List.of("Vysshii sovet", "vyssij", "Высший"))
      assertTrue(firstHit(q).contains("href=\"/id/council\""), q);
    assertTrue(get("/search?q=smirnov").body().contains("href=\"/id/smirnov\""));
    assertFalse(get("/search?q=mir").body().contains("href=\"/id/smirnov\""), "'mir' is not a word of 'Smirnov'");
  }

  static String firstHit(String q) throws Exception {
    String html = get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body();
    int i = html.indexOf("<ol class=\"hits\">");
    int li = html.indexOf("<li>", i);
    assertTrue(i >= 0 && li >= 0, "a hit for " + q);
    return html.substring(li, html.indexOf("</li>", li));
  }

  @Test
  void textQueryWorksFromSparql() throws Exception {
    String q = "PREFIX text: <http://jena.apache.org/text#> SELECT ?e WHERE { ?e text:query 'piatakov' }";
    String csv = get("/sovecon/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "Accept", "text/csv").body();
    assertTrue(csv.contains(Namespaces.ID + "pyatakov"), csv);
  }

  // ---- the editor

  @Test
  void editorServesYasguiAndTheCatalogue() throws Exception {
    assertEquals(302, get("/editor").statusCode());
    assertTrue(get("/editor/").body().contains("yasgui.min.js"));
    JsonArray cat = JSON.parseAny(get("/editor/catalogue.json").body()).getAsArray();
    assertTrue(cat.size() > 50, "every catalogued query: " + cat.size());
    var v01 = cat.stream().map(j -> j.getAsObject()).filter(o -> o.getString("id").equals("competency/V01")).findFirst().orElseThrow();
    assertTrue(v01.getString("title").contains("Which body created Osvok"));
    assertFalse(v01.getString("query").contains("expect:"));
    assertTrue(get("/editor/prefixes.json").body().contains("\"sov\""));
    HttpResponse<String> yasgui = get("/editor/yasgui.min.js");
    if (yasgui.statusCode() == 404 && !"true".equals(System.getenv("CI")))
      System.err.println("PagesIT: YASGUI was not bundled (npm missing at build time); CI requires it");
    else assertEquals(200, yasgui.statusCode(), "YASGUI is served by the server itself");
  }

  // ---- entity pages as of a date (the repository's data; docs/as-of.md, queries/as-of/1-posts-held.rq)

  /** The text of one section of a page (asof-holds, asof-undated, asof-not-in-force), tags and passages removed. */
  static String section(String html, String cls) {
    StringBuilder out = new StringBuilder();
    for (int at = html.indexOf("<section class=\"" + cls + "\">"); at >= 0; at = html.indexOf("<section class=\"" + cls + "\">", at + 1))
      out.append(html, at, html.indexOf("</section>", at)).append('\n');
    return out.toString().replaceAll("(?s)<details>.*?</details>", "").replaceAll("<[^>]+>", "");
  }

  static String page(String path) throws Exception {
    HttpResponse<String> r = getFrom(realBase, path, "Accept", "text/html");
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return r.body();
  }

  @Test
  void asOfADayShowsThePostsHeldThen() throws Exception {
    // Rykov chaired Sovnarkom in December 1927 (bettelheim 13090-13091); the texts date his chairmanship
    // again in November 1928 and April 1929, which are not in force on 1 December 1927.
    String rykov = page("/id/rykov?asOf=1927-12-01");
    assertTrue(rykov.contains("<strong>As of 1927-12-01</strong>"), "the banner names the date");
    assertTrue(rykov.contains("href=\"/docs/as-of.md\"") && rykov.contains("EDTF"), "the banner says how dates are read");
    HttpResponse<String> doc = getFrom(realBase, "/docs/as-of.md");
    assertTrue(doc.statusCode() == 200 && doc.body().contains("## When does a statement hold?"), "the banner's link is served");
    String holds = section(rykov, "asof-holds"), gone = section(rykov, "asof-not-in-force");
    assertTrue(holds.contains("Chairman of Sovnarkom") && holds.contains("1927-12-01 – 1927-12-31"), holds);
    assertTrue(gone.contains("Chairman of Sovnarkom") && gone.contains("1928-11-01 – 1928-11-30"), gone);
    assertFalse(holds.contains("1928-11"), "a later holding is not shown as in force");

    // Stalin, general secretary from 1922 with no end given: in force; undated statements are said to be undated.
    String stalin = page("/id/stalin?asOf=1927-12-01");
    assertTrue(section(stalin, "asof-holds").contains("General Secretary of the party"), section(stalin, "asof-holds"));
    assertTrue(section(stalin, "asof-undated").contains("undated"), "undated statements are marked as such");

    // Kamenev's Politburo seat ended in 1926 (full member until January, alternate until his removal in October).
    String kamenev = page("/id/kamenev?asOf=1927-12-01");
    assertFalse(section(kamenev, "asof-holds").contains("Politburo") || section(kamenev, "asof-holds").contains("Political Bureau"),
        section(kamenev, "asof-holds"));
    assertTrue(section(kamenev, "asof-not-in-force").contains("Alternate member of the Political Bureau"), section(kamenev, "asof-not-in-force"));
    assertTrue(section(kamenev, "asof-not-in-force").contains("open – 1926-10-31"), "an open end closed by the removal");
    assertTrue(section(kamenev, "asof-holds").contains("United opposition"), "his opposition membership is in force");

    // Without a date the page is as before: no sections by date, no banner.
    String all = page("/id/kamenev");
    assertFalse(all.contains("asof-banner") || all.contains("asof-holds"), "no date, no banner");
    assertTrue(all.contains("<form class=\"asof\""), "every page has the picker");
  }

  @Test
  void asOfADateSplitsWhatLinksHere() throws Exception {
    // Kamenev was an alternate member of the Politburo until his removal in October 1926 (as above): on
    // 1 December 1927 his links to the post (held, removed from, and the inferred holds) are not in force.
    String post = page("/id/politburo-alternate-member?asOf=1927-12-01");
    String gone = section(post, "asof-not-in-force links");
    assertTrue(gone.contains("Kamenev") && gone.contains("held post") && gone.contains("removed from") && gone.contains("holds"), gone);
    int links = post.indexOf("<h2>What links here</h2>"), split = post.indexOf("<section class=\"asof-not-in-force links\">");
    assertTrue(links >= 0 && split > links, "the links in force come first, then those not in force");
    String inForce = post.substring(links, split);
    assertFalse(inForce.contains(">Kamenev<"), inForce);
    assertTrue(inForce.contains(">S. M. Kirov<"), "a link not ended by the date stays: " + inForce);

    // Osvok had not begun in 1923: nothing linked to it then.
    String osvok = page("/id/osvok?asOf=1923");
    assertTrue(osvok.contains("No link in force on 1923.") && !section(osvok, "asof-not-in-force links").isBlank(), "every link is out");

    // At every date nothing is split off, and Kamenev links here.
    String all = page("/id/politburo-alternate-member");
    assertFalse(all.contains("Links not in force"), "no date, no split");
    assertTrue(all.substring(all.indexOf("<h2>What links here</h2>")).contains(">Kamenev<"), "Kamenev links here at some date");
  }

  @Test
  void asOfAYearOrAMonth() throws Exception {
    // 1926 asks "at some time in 1926": Kamenev was then still an alternate member of the Politburo.
    String y = page("/id/kamenev?asOf=1926");
    assertTrue(y.contains("<strong>As of 1926</strong> (any day from 1926-01-01 to 1926-12-31)"), "the banner gives the year's bounds");
    assertTrue(section(y, "asof-holds").contains("Alternate member of the Political Bureau"), section(y, "asof-holds"));
    String m = page("/id/rykov?asOf=1927-12");
    assertTrue(section(m, "asof-holds").contains("Chairman of Sovnarkom"), section(m, "asof-holds"));
    // A body before its founding: Osvok was set up in 1925.
    assertTrue(page("/id/osvok?asOf=1923").contains("Osvok had not yet begun on this date"));
  }

  @Test
  void linksFromAPageAsOfADateKeepTheDate() throws Exception {
    String html = page("/id/kamenev?asOf=1927-12-01");
    assertTrue(html.contains("href=\"/id/politburo-alternate-member?asOf=1927-12-01\""), "a statement's value keeps the date");
    assertTrue(html.contains("href=\"/id/kamenev?asOf=1927-12-01&amp;format=ttl\""), "the RDF links keep the date");
    assertFalse(html.contains("href=\"/ontology?asOf"), "the ontology is not dated");
    assertFalse(page("/id/kamenev").contains("?asOf="), "an undated page adds no date to its links");
  }

  @Test
  void aBadDateIs400WithAnEscapedMessage() throws Exception {
    for (String bad : List.of("1927-13-01", "December 1927", "<b>1927</b>")) {
      HttpResponse<String> r = getFrom(realBase, "/id/stalin?asOf=" + URLEncoder.encode(bad, StandardCharsets.UTF_8), "Accept", "text/html");
      assertEquals(400, r.statusCode(), bad);
      assertTrue(r.body().contains("is not a date. Give a year (1927), a month (1927-12) or a day (1927-12-01)."), r.body());
      assertFalse(r.body().contains("<b>1927"), "the date is shown escaped");
    }
    assertEquals(400, getFrom(realBase, "/id/stalin?asOf=1927-02-30", "Accept", "text/turtle").statusCode(), "no such day");
  }

  @Test
  void thePickerWorksWithoutJavaScript() throws Exception {
    // The form sends the calendar's day, the typed date and the date shown; the server redirects to ?asOf=.
    assertEquals("/id/kamenev?asOf=1927-12-01", location("/id/kamenev?day=1927-12-01&asOf=&shown="), "the calendar alone");
    assertEquals("/id/kamenev?asOf=1926", location("/id/kamenev?day=1927-12-01&asOf=1926&shown=1927-12-01"), "a typed date the reader changed wins");
    assertEquals("/id/kamenev?asOf=1926-05-01", location("/id/kamenev?day=1926-05-01&asOf=1927-12-01&shown=1927-12-01"), "else the calendar");
    assertEquals("/id/kamenev", location("/id/kamenev?day=&asOf=&shown=1927"), "both cleared: every date");
  }

  static String location(String path) throws Exception {
    HttpResponse<String> r = getFrom(realBase, path, "Accept", "text/html");
    assertEquals(303, r.statusCode(), path);
    return r.headers().firstValue("Location").orElse("");
  }

  @Test
  void rdfAsOfADateIsTheFilteredDescription() throws Exception {
    var kamenev = NodeFactory.createURI(Namespaces.ID + "kamenev");
    var heldPost = NodeFactory.createURI(Namespaces.P + "heldPost");
    var alternate = NodeFactory.createURI(Namespaces.ID + "politburo-alternate-member");
    Graph all = parseFrom(realBase, "/id/kamenev", "text/turtle", Lang.TURTLE);
    Graph then = parseFrom(realBase, "/id/kamenev?asOf=1927-12-01", "text/turtle", Lang.TURTLE);
    var plain = NodeFactory.createURI(Namespaces.SOV + "heldPost");
    assertTrue(all.contains(kamenev, plain, alternate), "the plain triple, at every date");
    assertFalse(then.contains(kamenev, plain, alternate), "not in force on 1927-12-01");
    assertTrue(all.contains(kamenev, heldPost, org.apache.jena.graph.Node.ANY) && !then.contains(kamenev, heldPost, org.apache.jena.graph.Node.ANY),
        "the statements of the post go with it");
    assertTrue(then.contains(kamenev, NodeFactory.createURI(Namespaces.SOV + "memberOf"), NodeFactory.createURI(Namespaces.ID + "united-opposition")),
        "what held stays");
    assertTrue(then.size() < all.size() && then.size() > 50, then.size() + " of " + all.size());
    assertTrue(then.isIsomorphicWith(parseFrom(realBase, "/id/kamenev?asOf=1927-12-01", "application/ld+json", Lang.JSONLD)), "JSON-LD: the same graph");
    Graph stalin = parseFrom(realBase, "/id/stalin?asOf=1927-12-01&format=ttl", "text/html", Lang.TURTLE);
    assertTrue(stalin.contains(NodeFactory.createURI(Namespaces.ID + "stalin"), plain, NodeFactory.createURI(Namespaces.ID + "party-general-secretary")));
  }

  static Graph parseFrom(String server, String path, String accept, Lang lang) throws Exception {
    HttpResponse<String> r = getFrom(server, path, "Accept", accept);
    assertEquals(200, r.statusCode(), path + " as " + accept);
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.source(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8))).lang(lang).parse(g);
    return g;
  }
}
