package uk.dtw.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.dtw.api.ApiServer;
import uk.dtw.api.support.FakeWarehouse;

/** What the HTTP server refuses before any route runs is a JSON error too, never an HTML page. */
class JettyErrorsTest {
  private static ApiServer server;

  @BeforeAll
  static void start() {
    server = FakeWarehouse.startServer();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void a_request_line_too_long_is_a_json_414() throws IOException {
    String response = raw("GET /api/v1/rankings?x=" + "a".repeat(20_000) + " HTTP/1.1");
    assertThat(response).startsWith("HTTP/1.1 414");
    assertJson(response, 414);
  }

  @Test
  void a_path_that_climbs_out_is_a_json_400() throws IOException {
    String response = raw("GET /../../etc/passwd HTTP/1.1");
    assertThat(response).startsWith("HTTP/1.1 400");
    assertJson(response, 400);
  }

  private static void assertJson(String response, int status) {
    assertThat(response).containsIgnoringCase("Content-Type: application/json");
    assertThat(response).doesNotContain("<html");
    assertThat(response.substring(response.indexOf("\r\n\r\n") + 4))
        .startsWith("{\"error\":{\"status\":" + status + ",\"message\":");
  }

  /** One request over a socket, as written: HttpClient would refuse or normalise these. */
  private static String raw(String requestLine) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
