package org.sovecon.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.sovecon.store.MemoryCopy;
import org.sovecon.store.StoreReader;
import org.sovecon.serve.EngineStart;
import org.sovecon.serve.EngineWarmUp;
import org.sovecon.serve.JettyPreload;
import org.sovecon.serve.ServeOptions;
import org.sovecon.serve.SoveconServer;
import org.sovecon.serve.UserActivity;
import org.sovecon.serve.search.DeferredIndex;
import org.sovecon.serve.search.TextSearch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
      "Build the store if it is missing or stale, then serve it read-only with Fuseki:",
      "  SPARQL at /sovecon/sparql (and /sovecon/query), graphs at /sovecon/get, the Fuseki UI at /.",
      "Listens on loopback unless --host says otherwise. Each query runs at most --timeout seconds;",
      "SERVICE calls only the endpoints of --service-allow (Wikidata's by default).",
      "Pages: each entity at its path (/id/osvok), search at /search, the query editor at /editor/."
    })
final class ServeCommand implements Callable<Integer> {
  /** Rounds of the catalogue that bring the JIT to its steady state (docs/benchmarks.md). */
  static final int WARM_UP_ROUNDS = 10;
  /** Set by the launcher when this run records the class-data archive the later runs start from. */
  static final String RECORDING_PROPERTY = "sovecon.cds.recording";
  /** The longest a recording run spends running the catalogue once, whatever --warm-up says. */
  static final double RECORDING_WARM_UP_SECONDS = 60;

  @Mixin ProjectOptions project;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", defaultValue = "3030", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--no-build", description = "Serve the current store as it is, even if stale.")
  boolean noBuild;

  @Option(names = "--in-memory", description = "Copy the store into memory at start and serve the copy: faster "
      + "queries (about 1.6x on the catalogue), a slower start and more heap (docs/benchmarks.md).")
  boolean inMemory;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Longest a query may run, results included, before it is cancelled with a 503 (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(names = "--service-allow", paramLabel = "URL",
      description = "An endpoint SERVICE may call; repeat for several. Replaces the default, " + ServeOptions.WIKIDATA + ".")
  List<String> serviceAllow = new ArrayList<>();

  @Option(names = "--no-federation", description = "Refuse every SERVICE.")
  boolean noFederation;

  @Option(names = "--service-timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "Connect and answer timeout of a SERVICE call (default: ${DEFAULT-VALUE}).")
  double serviceTimeoutSeconds;

  @Option(names = "--allow-host", paramLabel = "NAME",
      description = "A Host name to answer besides the loopback names and --host; repeat for several; * for any.")
  List<String> allowHosts = new ArrayList<>();

  @Option(names = "--log-queries", description = "Log each query's full text (by default only its hash, length and time).")
  boolean logQueries;

  @Option(names = "--max-query-length", paramLabel = "CHARS", defaultValue = "262144",
      description = "Longest query text accepted (default: ${DEFAULT-VALUE}).")
  int maxQueryLength;

  @Option(names = "--answer-cache", paramLabel = "MIB", defaultValue = "32",
      description = "MiB of answers kept to answer a repeated query without running it again; the graph does not "
          + "change while the server runs. 0 runs every query (default: ${DEFAULT-VALUE}; docs/benchmarks.md).")
  int answerCacheMiB;

  @Option(names = "--answer-files", paramLabel = "MIB", defaultValue = "512",
      description = "MiB of answers too big for the heap's share (over a sixteenth of --answer-cache) kept in "
          + "temporary files of the server's own, removed when it stops; one answer may take a quarter. 0 keeps "
          + "none; --answer-cache 0 turns both off (default: ${DEFAULT-VALUE}; docs/benchmarks.md).")
  int answerFilesMiB;

  @Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "30",
      description = "For up to this long after the start, run the query catalogue in the background while no user "
          + "is asking anything, so that the first users' queries meet compiled code, not a cold JVM; 0 skips it "
          + "(default: ${DEFAULT-VALUE}).")
  double warmUpSeconds;

  @Option(names = "--base-iri", paramLabel = "IRI", defaultValue = org.sovecon.vocab.Namespaces.BASE,
      description = "The IRI namespace whose entities this server shows as pages: BASE/id/x at /id/x (default: ${DEFAULT-VALUE}; see docs/pages.md).")
  String baseIri;

  ServeOptions options() {
    if (noFederation && !serviceAllow.isEmpty())
      throw new CommandLine.ParameterException(spec.commandLine(), "--no-federation and --service-allow contradict each other");
    if (timeoutSeconds <= 0 || serviceTimeoutSeconds <= 0)
      throw new CommandLine.ParameterException(spec.commandLine(), "timeouts must be positive");
    if (answerCacheMiB < 0 || answerFilesMiB < 0 || warmUpSeconds < 0)
      throw new CommandLine.ParameterException(spec.commandLine(), "--answer-cache, --answer-files and --warm-up cannot be negative");
    ServeOptions o = ServeOptions.defaults().withHost(host).withPort(port)
        .withTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)))
        .withServiceTimeout(Duration.ofMillis(Math.round(serviceTimeoutSeconds * 1000)))
        .withAllowHosts(allowHosts).withLogQueries(logQueries).withMaxQueryLength(maxQueryLength)
        .withBaseIri(baseIri.endsWith("/") ? baseIri : baseIri + "/")
        .withAnswerCacheBytes((long) answerCacheMiB << 20).withAnswerFileBytes((long) answerFilesMiB << 20);
    if (noFederation) o = o.withServiceAllow(List.of());
    else if (!serviceAllow.isEmpty()) o = o.withServiceAllow(serviceAllow);
    return o;
  }

  /**
   * When this run started, as a user waits for it: when ./sovecon was run (it passes bash's clock as
   * {@code sovecon.launched}, seconds), else when the JVM finished creating itself (Java records no
   * earlier instant; that misses the JVM's own 0.1-0.3 s).
   */
  static long startMillis() {
    String launched = System.getProperty("sovecon.launched");
    if (launched != null) {
      try {
        return Math.round(Double.parseDouble(launched.replace(',', '.')) * 1000);
      } catch (NumberFormatException notAClock) {
        // fall through to the JVM's own record
      }
    }
    return ManagementFactory.getRuntimeMXBean().getStartTime();
  }

  /** How long no request must have arrived before the text index is opened in the background. */
  static final Duration INDEX_AFTER_QUIET = Duration.ofMillis(300);

  @Override
  public Integer call() throws Exception {
    // While Jena initialises on the other core (JenaStart), this thread loads Jetty's classes.
    JettyPreload.run();
    JenaStart.await();
    var cl = spec.commandLine();
    ServeOptions options = options();
    SoveconServer.bindWarning(host).ifPresent(w -> { cl.getErr().println(w); cl.getErr().flush(); });
    var layout = project.layout();
    if (!noBuild && Builds.isStale(layout)) {
      cl.getOut().println("the store is missing or stale: building");
      cl.getOut().flush();
      if (Builds.build(layout, cl.getOut(), cl.getErr()).isEmpty()) return 1;
    }
    Path db = Stores.currentDatabase(layout);
    // The answers' HTTP tags name the build, so replicas of one build agree and a new build's differ.
    options = options.withRelease(db.getParent().getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "-"));
    // The text index is opened once the server is up and idle (or by the first search): no other
    // query needs it, and at the start it would take the second core from the first queries.
    Optional<DeferredIndex> index = TextSearch.besideDatabase(db).map(DeferredIndex::new);
    Dataset store = StoreReader.open(db);
    Dataset ds = store;
    if (inMemory) {
      ds = MemoryCopy.of(store, MemoryCopy.besideDatabase(db));
      StoreReader.close(store); // the copy is all the server reads; a later build may prune this one
    }
    Dataset data = ds;
    // The query engine's first run, on the other core while the server is built (EngineStart).
    EngineStart.inBackground(data);
    FusekiServer server = SoveconServer.create(data,
        () -> index.isPresent() ? TextSearch.over(data, index.get()) : TextSearch.index(data).dataset(), options);
    server.start();
    UserActivity users = UserActivity.of(server);
    index.ifPresent(i -> users.whenQuiet(INDEX_AFTER_QUIET, i::load, "sovecon-text-index-wait"));
    String shown = host.contains(":") ? "[" + host + "]" : host;
    double seconds = (System.currentTimeMillis() - startMillis()) / 1000.0;
    cl.getOut().printf("serving in %.1f s: http://%s:%d%s/sparql  (UI: http://%s:%d/)%n",
        seconds, shown, server.getHttpPort(), SoveconServer.DATASET, shown, server.getHttpPort());
    cl.getOut().printf("queries time out after %s s; SERVICE %s%n", timeoutSeconds,
        options.serviceAllow().isEmpty() ? "is off" : "may call " + String.join(", ", options.serviceAllow()));
    cl.getOut().flush();
    // The launcher's first run after a build records the classes this process loads (class-data
    // sharing, ./sovecon); it runs the catalogue once so that the query path is among them.
    boolean recording = Boolean.getBoolean(RECORDING_PROPERTY);
    if (warmUpSeconds > 0 || recording) {
      double budget = warmUpSeconds > 0 ? warmUpSeconds : RECORDING_WARM_UP_SECONDS;
      EngineWarmUp.start(SoveconServer.endpointFromHere(host, server.getHttpPort()), EngineWarmUp.catalogue(),
          warmUpSeconds > 0 ? WARM_UP_ROUNDS : 1, Duration.ofMillis(Math.round(budget * 1000)), users);
    }
    server.join();
    return 0;
  }
}
