package org.sovecon.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sovecon.link.WikidataCandidates;
import org.sovecon.link.WikidataSearch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code link}: propose links to other knowledge bases, for review. */
@Command(name = "link", mixinStandardHelpOptions = true,
    description = "Propose links to other knowledge bases for a person to review (never written into data/).",
    subcommands = {LinkCommand.Wikidata.class})
final class LinkCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "wikidata", mixinStandardHelpOptions = true,
      description = {
        "Search Wikidata (wbsearchentities) for the entities that have no item yet, by their English and",
        "Russian labels, and write every item found to a review file with a name-likeness score.",
        "Offline (the API cannot be reached) it says so and exits 0 without writing anything."
      })
  static final class Wikidata implements Callable<Integer> {
    @Mixin ProjectOptions project;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE",
        description = "The review file (default: ROOT/review/wikidata-candidates.csv); never inside the data directory.")
    Path out;

    @Option(names = "--api", paramLabel = "URL", defaultValue = WikidataSearch.WIKIDATA_API,
        description = "The MediaWiki API to search (default: ${DEFAULT-VALUE}).")
    URI api;

    @Option(names = "--kind", paramLabel = "CLASS",
        description = "Only entities of this class (Person, Organisation, Event, Place, Policy, …); repeat for several.")
    List<String> kinds = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "At most N entities (default: all).")
    Integer limit;

    @Option(names = "--candidates", paramLabel = "N", defaultValue = "5",
        description = "Items asked for per search (default: ${DEFAULT-VALUE}).")
    int perSearch;

    @Option(names = "--pause", paramLabel = "MILLIS", defaultValue = "250",
        description = "Pause between two requests, to be gentle with the API (default: ${DEFAULT-VALUE}).")
    long pauseMillis;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
        description = "Connect and answer timeout of each request (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Override
    public Integer call() throws Exception {
      var cl = spec.commandLine();
      var layout = project.layout();
      Path file = out != null ? out : layout.root().resolve("review/wikidata-candidates.csv");
      if (file.toAbsolutePath().normalize().startsWith(layout.dataDir().toAbsolutePath().normalize())) {
        cl.getErr().println("sovecon: " + file + " is inside the data directory; candidates are unreviewed and go in a review file");
        return 2;
      }
      if (perSearch < 1 || perSearch > 50 || timeoutSeconds <= 0 || pauseMillis < 0 || (limit != null && limit < 0)) {
        cl.getErr().println("sovecon: --candidates must be 1-50, --timeout positive, --pause and --limit not negative");
        return 2;
      }
      var all = WikidataCandidates.unlinked(Stores.openForReading(layout, cl.getErr()));
      var entities = all.stream().filter(e -> kinds.isEmpty() || kinds.stream().anyMatch(k -> k.equalsIgnoreCase(e.kind())))
          .limit(limit == null ? Long.MAX_VALUE : limit).toList();
      var search = new WikidataSearch(api, Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
      try {
        var r = WikidataCandidates.propose(entities, search, perSearch, Duration.ofMillis(pauseMillis), file);
        cl.getOut().printf("searched %d names of %d entities without an item; wrote %d candidates to %s for review%n",
            r.searches(), r.entities(), r.candidates(), file);
      } catch (WikidataSearch.Offline e) {
        cl.getOut().println("offline: " + e.getMessage() + "; no candidates proposed, nothing written ("
            + entities.size() + " entities without an item would have been searched)");
      }
      return 0;
    }
  }
}
