package org.sovecon.serve.pages;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages' whole template mechanism: {@code {{name}}} in a template is replaced by a value,
 * HTML-escaped; {@code {{{name}}}} by a fragment that is already HTML (built with {@link #esc} by the
 * caller). A value can therefore never open a tag, an attribute or a script.
 *
 * <pre>
 *   Html.fill("&lt;h1&gt;{{title}}&lt;/h1&gt;{{{body}}}", Map.of("title", label, "body", rows))
 * </pre>
 */
public final class Html {
  private Html() {}

  private static final Pattern SLOT = Pattern.compile("\\{\\{(\\{?)([a-zA-Z]+)\\}?\\}\\}");

  /** Escapes text for use in an element or in a quoted attribute value. */
  public static String esc(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  public static String fill(String template, Map<String, String> values) {
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder(template.length() * 2);
    while (m.find()) {
      String name = m.group(2);
      if (!values.containsKey(name)) throw new IllegalArgumentException("no value for {{" + name + "}}");
      String v = values.get(name);
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).isEmpty() ? esc(v) : v));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** An element with escaped text: {@code el("td", x)}. */
  public static String el(String tag, String text) {
    return "<" + tag + ">" + esc(text) + "</" + tag + ">";
  }
}
