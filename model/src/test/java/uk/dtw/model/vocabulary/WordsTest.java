package uk.dtw.model.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "PDU's in Treat't|pdu s in treat t",
        "Drugs & Alcohol|drugs and alcohol",
        "Drugs&Alcohol|drugs and alcohol",
        "&|and",
        "a &&b|a and and b",
        "'  White_British '|white british",
        "''|''",
        "---|''",
        "Café Crème|cafe creme",
        "Ｈｅｒｏｉｎ|heroin"
      })
  void a_key_ignores_case_accents_punctuation_and_spacing(String text, String key) {
    assertThat(Words.key(text)).isEqualTo(key);
  }

  @Test
  void the_one_pass_key_of_ascii_text_is_the_general_key() {
    // The general key (Unicode decomposition and regular expressions) is the reference.
    String alphabet = "abcxyzABCXYZ0189 _-&'/.,()\t";
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = text.toString();
      assertThat(Words.asciiKey(s)).as("key of [%s]", s).isEqualTo(Words.anyKey(s));
    }
  }
}
