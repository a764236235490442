package uk.dtw.api.formats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import uk.dtw.api.disclosure.Suppressed;

/**
 * A suppressed figure in JSON outside a report table (provenance): null, never a number, with the
 * body's {@code disclosure} saying why.
 */
final class SuppressedAsNull extends StdSerializer<Suppressed> {
  SuppressedAsNull() {
    super(Suppressed.class);
  }

  @Override
  public void serialize(Suppressed value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeNull();
  }
}
