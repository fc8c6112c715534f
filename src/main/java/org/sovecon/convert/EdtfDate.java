package org.sovecon.convert;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.BaseDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * A date as precise as the text gives it: a year, a month or a day (EDTF level 0), optionally marked
 * approximate ({@code ~}) or uncertain ({@code ?}), as in EDTF level 1; or a span the text gives as
 * a range ({@code 1926/1927} for "1926-7"), an EDTF level-0 interval. The precision is kept in the
 * datatype: xsd:gYear, xsd:gYearMonth or xsd:date, so "1925" never turns into "1925-01-01"; an
 * interval, which XSD cannot express, keeps the Library of Congress EDTF datatype.
 */
public record EdtfDate(String value, Precision precision, boolean approximate, boolean uncertain,
    LocalDate earliestDay, LocalDate latestDay) {

  public enum Precision { YEAR, MONTH, DAY, INTERVAL }

  /** The Library of Congress datatype for EDTF level 0 strings, which include intervals. */
  public static final String EDTF_LEVEL0 = "http://id.loc.gov/datatypes/edtf/EDTF-level0";

  private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?([~?%]?)");

  /** The parsed date or interval, or empty when the text is not an accepted form or not a real date. */
  public static Optional<EdtfDate> parse(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    if (slash < 0) return single(t);
    Optional<EdtfDate> from = single(t.substring(0, slash)), to = single(t.substring(slash + 1));
    if (from.isEmpty() || to.isEmpty() || to.get().latestDay.isBefore(from.get().earliestDay)) return Optional.empty();
    return Optional.of(new EdtfDate(from.get().value + "/" + to.get().value, Precision.INTERVAL,
        from.get().approximate || to.get().approximate, from.get().uncertain || to.get().uncertain,
        from.get().earliestDay, to.get().latestDay));
  }

  private static Optional<EdtfDate> single(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) return Optional.empty();
    String flag = m.group(4);
    boolean approx = flag.equals("~") || flag.equals("%");
    boolean uncertain = flag.equals("?") || flag.equals("%");
    int year = Integer.parseInt(m.group(1));
    try {
      if (m.group(3) != null) {
        LocalDate d = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        return Optional.of(new EdtfDate(d.toString(), Precision.DAY, approx, uncertain, d, d));
      }
      if (m.group(2) != null) {
        YearMonth ym = YearMonth.of(year, Integer.parseInt(m.group(2)));
        return Optional.of(new EdtfDate(ym.toString(), Precision.MONTH, approx, uncertain, ym.atDay(1), ym.atEndOfMonth()));
      }
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    return Optional.of(new EdtfDate(m.group(1), Precision.YEAR, approx, uncertain,
        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
  }

  public Node literal() {
    if (precision == Precision.INTERVAL)
      return NodeFactory.createLiteralDT(value, new BaseDatatype(EDTF_LEVEL0));
    XSDDatatype dt = switch (precision) {
      case YEAR -> XSDDatatype.XSDgYear;
      case MONTH -> XSDDatatype.XSDgYearMonth;
      default -> XSDDatatype.XSDdate;
    };
    return NodeFactory.createLiteralDT(value, dt);
  }

  /** The first year the date can refer to. */
  public int year() {
    return earliestDay.getYear();
  }

  public static Node day(LocalDate d) {
    return NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate);
  }
}
