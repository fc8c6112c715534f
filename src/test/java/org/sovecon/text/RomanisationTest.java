package org.sovecon.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sovecon.text.Romanisation.System;

class RomanisationTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "Троцкий, Trotskiĭ, Trotskiy, Trockij, Trotsky",
      "Зиновьев, Zinovʹev, Zinov’yev, Zinovʹev, Zinovyev",
      "Пятаков, Piatakov, Pyatakov, Pâtakov, Pyatakov",
      "Щербаков, Shcherbakov, Shcherbakov, Ŝerbakov, Shcherbakov",
      "Куйбышев, Kuĭbyshev, Kuybyshev, Kujbyšev, Kuybyshev",
      "Ежов, Ezhov, Yezhov, Ežov, Yezhov",
      "Хрущёв, Khrushchëv, Khrushchëv, Hruŝëv, Khrushchyov",
      "Юрий, Iuriĭ, Yuriy, Ûrij, Yury"})
  void eachSystemWritesTheNameItsWay(String cyrillic, String loc, String bgn, String iso9, String popular) {
    assertEquals(loc, Romanisation.romanise(cyrillic, System.LOC));
    assertEquals(bgn, Romanisation.romanise(cyrillic, System.BGN_PCGN));
    assertEquals(iso9, Romanisation.romanise(cyrillic, System.ISO9));
    assertEquals(popular, Romanisation.romanise(cyrillic, System.POPULAR));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "Троцкий | Trotsky / Trotskii / Trotskiy / Trockij / TROTSKIJ",
      "Зиновьев | Zinoviev / Zinovyev / Zinov'ev / Zinovʹev",
      "Куйбышев | Kuibyshev / Kuybyshev / Kujbyšev",
      "Пятаков | Pyatakov / Piatakov / Pjatakov",
      "Щербаков | Shcherbakov / Ŝerbakov / Scherbakov",
      "Дзержинский | Dzerzhinsky / Dzerzhinskii / Dzeržinskij",
      "Цюрупа | Tsyurupa / Tsiurupa / Cjurupa / Tsjurupa"})
  void theUsualSpellingsShareOneKey(String cyrillic, String spellings) {
    String key = Romanisation.key(cyrillic);
    for (String s : spellings.split(" / ")) assertEquals(key, Romanisation.key(s), s);
  }

  @ParameterizedTest(name = "{0} ≠ {1}")
  @CsvSource({"Rykov, Rakovsky", "Kamenev, Kaganovich", "Gosplan, Gosbank"})
  void differentNamesKeepDifferentKeys(String a, String b) {
    assertNotEquals(Romanisation.key(a), Romanisation.key(b));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "N. I. Bukharin | n i bukharin",
      "Antonov-Ovseenko | antonov ovseenko",
      "Stalin’s | stalins",
      "Édouard | edouard",
      "Совет Народных Комиссаров | sovet narodnykh komissarov"})
  void foldingDropsCaseAccentsPunctuationAndWritesCyrillicInLatin(String in, String folded) {
    assertEquals(folded, Romanisation.fold(in));
  }

  @ParameterizedTest
  @CsvSource({
    "Преображенский, Preobrazhenskii, Preobrazhenskiy, Preobraženskij",
    "Пятаков, Piatakov, Pyatakov, Pâtakov",
    "община, obshchina, obshchina, obŝina",
    "мир, mir, mir, mir",
    "Ежов, Ezhov, Yezhov, Ežov",
    "Госплан, Gosplan, Gosplan, Gosplan",
    "ВСНХ, VSNKH, VSNKH, VSNH",
    "Объединение, Obedinenie, Obyedineniye, Obʺedinenie",
  })
  void printsEachSystem(String cyrillic, String lc, String bgn, String iso9) {
    assertEquals(lc, Romanisation.printed(cyrillic, Romanisation.System.LOC));
    assertEquals(bgn, Romanisation.printed(cyrillic, Romanisation.System.BGN_PCGN));
    assertEquals(iso9, Romanisation.printed(cyrillic, Romanisation.System.ISO9));
  }
}
