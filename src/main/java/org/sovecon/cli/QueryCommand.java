package org.sovecon.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.system.Txn;
import org.sovecon.vocab.Namespaces;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
    description = {
      "Run a SPARQL query against the built store (inferences included; the default graph is the union).",
      "The project's prefixes (sov:, sv:, p:, ps:, pq:, prov:, skos: …) are predeclared."
    })
final class QueryCommand implements Callable<Integer> {
  enum Format { table, csv, tsv, json }

  @Mixin ProjectOptions project;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "QUERY", description = "The query text (or use --file).")
  String text;

  @Option(names = {"-f", "--file"}, description = "Read the query from this file.")
  Path file;

  @Option(names = "--format", defaultValue = "table", description = "Output of a SELECT: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    var cl = spec.commandLine();
    if ((text == null) == (file == null)) throw new CommandLine.ParameterException(cl, "give a query or --file, not both or neither");
    String q = file != null ? Files.readString(file, StandardCharsets.UTF_8) : text;
    Query query;
    try {
      query = QueryFactory.create(Namespaces.sparqlPrologue() + q);
    } catch (QueryParseException e) {
      cl.getErr().println("sovecon: the query does not parse: " + e.getMessage());
      return 1;
    }
    Dataset ds = Stores.openForReading(project.layout(), cl.getErr());
    var out = System.out;
    Txn.executeRead(ds, () -> {
      try (QueryExecution qe = QueryExecution.dataset(ds).query(query).build()) {
        if (query.isSelectType()) {
          var rs = qe.execSelect();
          switch (format) {
            case table -> ResultSetFormatter.out(out, rs, query.getPrologue());
            case csv -> ResultSetMgr.write(out, rs, ResultSetLang.RS_CSV);
            case tsv -> ResultSetMgr.write(out, rs, ResultSetLang.RS_TSV);
            case json -> ResultSetMgr.write(out, rs, ResultSetLang.RS_JSON);
          }
        } else if (query.isAskType()) {
          out.println(qe.execAsk());
        } else {
          var m = query.isConstructType() ? qe.execConstruct() : qe.execDescribe();
          m.setNsPrefixes(Namespaces.prefixes());
          RDFDataMgr.write(out, m, Lang.TURTLE);
        }
      }
    });
    out.flush();
    return 0;
  }
}
