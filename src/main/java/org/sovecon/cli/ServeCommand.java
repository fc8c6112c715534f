package org.sovecon.cli;

import java.util.concurrent.Callable;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.sovecon.serve.SoveconServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
      "Build the store if it is missing or stale, then serve it read-only with Fuseki:",
      "  SPARQL at /sovecon/sparql (and /sovecon/query), graphs at /sovecon/get, the Fuseki UI at /.",
      "Listens on loopback unless --host says otherwise."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", defaultValue = "3030", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--no-build", description = "Serve the current store as it is, even if stale.")
  boolean noBuild;

  @Override
  public Integer call() throws Exception {
    var cl = spec.commandLine();
    var layout = project.layout();
    if (!noBuild && Builds.isStale(layout)) {
      cl.getOut().println("the store is missing or stale: building");
      cl.getOut().flush();
      if (Builds.build(layout, cl.getOut(), cl.getErr()).isEmpty()) return 1;
    }
    long t0 = System.nanoTime();
    Dataset ds = Stores.openCurrent(layout);
    FusekiServer server = SoveconServer.create(ds, host, port);
    server.start();
    String shown = host.contains(":") ? "[" + host + "]" : host;
    cl.getOut().printf("serving in %.1f s: http://%s:%d%s/sparql  (UI: http://%s:%d/)%n",
        (System.nanoTime() - t0) / 1e9, shown, server.getHttpPort(), SoveconServer.DATASET, shown, server.getHttpPort());
    cl.getOut().flush();
    server.join();
    return 0;
  }
}
