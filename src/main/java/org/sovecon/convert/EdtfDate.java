package org.sovecon.convert;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * A date as precise as the text gives it: a year, a month or a day (EDTF level 0), optionally marked
 * approximate ({@code ~}) or uncertain ({@code ?}), as in EDTF level 1. The precision is kept in the
 * datatype: xsd:gYear, xsd:gYearMonth or xsd:date, so "1925" never turns into "1925-01-01".
 */
public record EdtfDate(String value, Precision precision, boolean approximate, boolean uncertain) {

  public enum Precision { YEAR, MONTH, DAY }

  private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?([~?%]?)");

  /** The parsed date, or empty when the text is not one of the accepted forms or not a real date. */
  public static Optional<EdtfDate> parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) return Optional.empty();
    String flag = m.group(4);
    boolean approx = flag.equals("~") || flag.equals("%");
    boolean uncertain = flag.equals("?") || flag.equals("%");
    int year = Integer.parseInt(m.group(1));
    try {
      if (m.group(3) != null) {
        LocalDate d = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        return Optional.of(new EdtfDate(d.toString(), Precision.DAY, approx, uncertain));
      }
      if (m.group(2) != null) {
        YearMonth ym = YearMonth.of(year, Integer.parseInt(m.group(2)));
        return Optional.of(new EdtfDate(ym.toString(), Precision.MONTH, approx, uncertain));
      }
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    return Optional.of(new EdtfDate(m.group(1), Precision.YEAR, approx, uncertain));
  }

  public Node literal() {
    XSDDatatype dt = switch (precision) {
      case YEAR -> XSDDatatype.XSDgYear;
      case MONTH -> XSDDatatype.XSDgYearMonth;
      case DAY -> XSDDatatype.XSDdate;
    };
    return NodeFactory.createLiteralDT(value, dt);
  }

  public int year() {
    return Integer.parseInt(value.substring(0, 4));
  }
}
