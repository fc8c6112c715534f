package org.sovecon.serve.reconcile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sovecon.serve.reconcile.ReconIndex.Entity;
import org.sovecon.serve.reconcile.ReconIndex.Fact;
import org.sovecon.serve.reconcile.ReconIndex.Name;
import org.sovecon.serve.reconcile.ReconIndex.Type;

/** The preview card escapes every piece of text that comes from the data. */
class PreviewTest {
  @Test
  void textFromTheDataIsEscaped() {
    Entity e = new Entity("x", "Council <script>alert(1)</script>", "Prices & \"wages\" 'fixed'", "Q42",
        List.of(new Type("Organisation", "Organisation")), List.of(new Name("Совет <b>", "sovet b")),
        List.of(new Fact("memberOf", "member of <i>", "y", "Group <img src=x onerror=alert(2)>", "1921", null, null,
            "src<1>", "1-2", false)));
    String html = Preview.html(e, List.of("Organisation"));
    assertFalse(html.contains("<script>") || html.contains("<img") || html.contains("<b>") || html.contains("<i>"), html);
    assertTrue(html.contains("Council &lt;script&gt;alert(1)&lt;/script&gt;"), html);
    assertTrue(html.contains("Prices &amp; &quot;wages&quot; &#39;fixed&#39;"), html);
    assertTrue(html.contains("Group &lt;img src=x onerror=alert(2)&gt;"), html);
    assertTrue(html.contains("src&lt;1&gt; 1-2"), html);
    assertTrue(html.contains("http://www.wikidata.org/entity/Q42"), html);
  }
}
