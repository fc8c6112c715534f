package org.sovecon.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameLikenessTest {
  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource(delimiter = '|', value = {
      "Trotskii | Троцкий | 100",
      "Bukharin | N. I. Bukharin | 90",
      "Nikolai Ivanovich Bukharin | N. I. Bukharin | 90",
      "Bukharin | Bukharin-Kamenev conversation | 74",
      "Gosplan | Gosbank | 21",
      "Kamenef | Kamenev | 85",
      "Communist Party of the Soviet Union | Collapse of the Soviet Union | 54",
      "Rykov | Tomsky | 0"})
  void score(String a, String b, double expected) {
    assertEquals(expected, Math.round(NameLikeness.of(Romanisation.key(a), Romanisation.key(b))), 0.5);
  }
}
