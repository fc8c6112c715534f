package org.sovecon.serve.reconcile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaClient;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * The Reconciliation API's published JSON schemas (src/test/resources/reconciliation-api/, see its
 * README for their origin), loaded offline: their $id URLs resolve to the stored copies.
 */
public final class ReconSchemas {
  private ReconSchemas() {}

  private static final String PUBLISHED = "https://reconciliation-api.github.io/specs/";

  /** {@code version} is "0.2" or "1.0-draft"; {@code name} a schema file without ".json". */
  public static Schema load(String version, String name) {
    SchemaClient offline = url -> {
      if (url.startsWith(PUBLISHED)) {
        String rest = url.substring(PUBLISHED.length());
        String file = rest.substring(rest.lastIndexOf('/') + 1);
        return resource(version, file);
      }
      // Only the manifest's optional "authentication" refers outside (to Swagger 2.0's schema):
      // an empty schema stands in for the definition it names.
      String stand = "{\"definitions\":{\"securityDefinitions\":{\"additionalProperties\":{}}}}";
      return new ByteArrayInputStream(stand.getBytes(StandardCharsets.UTF_8));
    };
    JSONObject raw = new JSONObject(new JSONTokener(resource(version, name + ".json")));
    // "http://json-schema.org/schema#" names no draft; the schemas are written for draft 7.
    raw.remove("$schema");
    return SchemaLoader.builder().schemaClient(offline).draftV7Support().schemaJson(raw)
        .resolutionScope(PUBLISHED + (version.equals("0.2") ? "0.2" : "draft") + "/schemas/" + name + ".json")
        .build().load().build();
  }

  private static InputStream resource(String version, String file) {
    InputStream in = ReconSchemas.class.getResourceAsStream("/reconciliation-api/" + version + "/schemas/" + file);
    if (in == null) throw new UncheckedIOException(new IOException("no stored schema " + version + "/" + file));
    return in;
  }

  /** Validates; on failure the message lists every violation with its JSON pointer. */
  public static void check(Schema schema, String json) {
    Object doc = new JSONTokener(json).nextValue();
    try {
      schema.validate(doc);
    } catch (ValidationException e) {
      throw new AssertionError(schema.getId() + ": " + String.join("; ", e.getAllMessages()) + "\nin " + abbreviate(json), e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
  }
}
