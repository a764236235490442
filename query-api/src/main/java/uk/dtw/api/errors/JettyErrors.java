package uk.dtw.api.errors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import uk.dtw.api.formats.JsonOut;

/**
 * Errors Jetty answers itself, before a route sees the request (a request line or headers too
 * large, an ambiguous path such as {@code /../..}): the same JSON error body as the API's own,
 * never an HTML page, never a stack trace.
 */
public final class JettyErrors extends ErrorHandler {
  private static final String JSON = "application/json";

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, JSON));
    return ByteBuffer.wrap(body(status, reason));
  }

  static byte[] body(int code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("status", code);
    String reason = HttpStatus.getMessage(code);
    error.put(
        "message",
        message == null || message.isBlank() || message.equals(reason)
            ? reason.toLowerCase(java.util.Locale.ROOT)
            : message);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("warehouse_version", null);
    return JsonOut.write(body).getBytes(StandardCharsets.UTF_8);
  }
}
