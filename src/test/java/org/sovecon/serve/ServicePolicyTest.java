package org.sovecon.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.api.Test;

/**
 * The SERVICE policy's HTTP client is made at its first use, not when the server starts, and is the
 * client it was configured to be (no redirects, the connect timeout). FederationIT checks the calls
 * themselves against a real endpoint on loopback.
 */
class ServicePolicyTest {
  static final String ALLOWED = "http://127.0.0.1:9/sparql";

  static {
    // Jena initialises itself in order only when asked first (not through ARQ's constants).
    org.apache.jena.sys.JenaSystem.init();
  }

  @Test
  void aNewPolicyMakesNoClient() {
    ServicePolicy p = new ServicePolicy(List.of(ALLOWED), Duration.ofSeconds(3));
    Context cxt = new Context();
    p.configure(cxt);
    assertSame(p.client(), cxt.get(ARQ.httpQueryClient), "the query's SERVICE calls go through the policy's client");
    assertFalse(p.client().isMade(), "configuring a query makes no client");
  }

  @Test
  void aRefusedServiceMakesNoClient() {
    ServicePolicy p = new ServicePolicy(List.of(ALLOWED), Duration.ofSeconds(3));
    try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.create())
        .query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/other> { ?s ?p ?o } }").build()) {
      p.configure(qe.getContext());
      QueryDeniedException e = assertThrows(QueryDeniedException.class, () -> qe.execSelect().hasNext());
      assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }
    assertFalse(p.client().isMade());
  }

  @Test
  void theClientMadeAtFirstUseNeverFollowsRedirectsAndHasTheConnectTimeout() {
    ServicePolicy p = new ServicePolicy(List.of(ALLOWED), Duration.ofSeconds(3));
    assertEquals(HttpClient.Redirect.NEVER, p.client().followRedirects());
    assertTrue(p.client().isMade());
    assertEquals(Duration.ofSeconds(3), p.client().connectTimeout().orElseThrow());
  }
}
