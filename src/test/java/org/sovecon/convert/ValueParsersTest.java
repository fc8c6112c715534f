package org.sovecon.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValueParsersTest {
  @Test
  void datesKeepTheirPrecision() {
    assertEquals("http://www.w3.org/2001/XMLSchema#gYear", EdtfDate.parse("1925").get().literal().getLiteralDatatypeURI());
    assertEquals("http://www.w3.org/2001/XMLSchema#gYearMonth", EdtfDate.parse("1925-03").get().literal().getLiteralDatatypeURI());
    assertEquals("http://www.w3.org/2001/XMLSchema#date", EdtfDate.parse("1921-11-16").get().literal().getLiteralDatatypeURI());
    assertTrue(EdtfDate.parse("1927-12~").get().approximate());
    assertTrue(EdtfDate.parse("1928?").get().uncertain());
    assertFalse(EdtfDate.parse("1925-02-30").isPresent());
    assertFalse(EdtfDate.parse("March 1925").isPresent());
    assertFalse(EdtfDate.parse("1925-3").isPresent());
  }

  @Test
  void periodsKeepEconomicYears() {
    Period p = Period.parse("1926/27").get();
    assertEquals("1926/27", p.label());
    assertEquals(1926, p.startYear());
    assertEquals(1927, p.endYear());
    assertEquals(1913, Period.parse("1909-1913").get().endYear());
    assertEquals(1933, Period.parse("1928/29-1932/33").get().endYear());
    assertFalse(Period.parse("1926/28").isPresent());
    assertFalse(Period.parse("1930-1920").isPresent());
    assertFalse(Period.parse("prewar").get().hasYears());
  }

  @Test
  void lineRanges() {
    assertEquals(new LineRange(2563, 2566), LineRange.parse("2563-2566").get());
    assertEquals(new LineRange(2563, 2566), LineRange.parse("L2563\u2013L2566").get());
    assertEquals(new LineRange(21, 21), LineRange.parse("21").get());
    assertFalse(LineRange.parse("12-10").isPresent());
    assertFalse(LineRange.parse("0").isPresent());
    assertFalse(LineRange.parse("p. 12").isPresent());
  }
}
