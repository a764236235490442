package uk.dtw.etl.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import uk.dtw.etl.rules.Problem;
import uk.dtw.etl.rules.Rule;

/**
 * Turns a file's bytes into text and finds its delimiter. Spreadsheets on Windows save CSV as
 * Windows-1252 (a £ is one byte, 0xA3) and in some locales with semicolons or tabs.
 */
final class TextDecoding {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoding() {}

  /**
   * UTF-8 (a byte order mark is dropped); bytes that are not valid UTF-8 are read as Windows-1252,
   * with a warning.
   */
  static String decode(byte[] bytes, List<Problem> warnings) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      warnings.add(
          Problem.warning(
              null,
              Rule.ENCODING,
              "the file is not UTF-8; read as Windows-1252 (as Excel saves CSV on Windows)"));
      return new String(bytes, WINDOWS_1252);
    }
  }

  /**
   * The delimiter of the header line: whichever of comma, semicolon and tab occurs most outside
   * quotes.
   */
  static char sniffDelimiter(String text) {
    int[] counts = new int[3];
    char[] candidates = {',', ';', '\t'};
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted) {
        for (int k = 0; k < 3; k++) {
          counts[k] += c == candidates[k] ? 1 : 0;
        }
      }
    }
    int best = 0;
    for (int k = 1; k < 3; k++) {
      best = counts[k] > counts[best] ? k : best;
    }
    return candidates[best];
  }
}
