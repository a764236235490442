package uk.dtw.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A test client for one server: GET and POST returning the response, and JSON reading. */
public final class Http {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String authorization;

  public Http(int port) {
    this("http://127.0.0.1:" + port, null);
  }

  private Http(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** A client of the same server that sends {@code Authorization: Bearer key} with each request. */
  public Http withKey(String key) {
    return new Http(base, "Bearer " + key);
  }

  /** The server's address, e.g. http://127.0.0.1:41234, for clients other than this one. */
  public String base() {
    return base;
  }

  /** GET of raw bytes (a workbook), answering 200 or failing with the status. */
  public byte[] bytes(String pathAndQuery) {
    try {
      HttpResponse<byte[]> response =
          client.send(
              HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                  .timeout(Duration.ofSeconds(120))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      org.assertj.core.api.Assertions.assertThat(response.statusCode())
          .as(pathAndQuery)
          .isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET that must answer 200 (the body is shown if not), read as JSON. */
  public JsonNode ok(String pathAndQuery) {
    HttpResponse<String> response = get(pathAndQuery);
    org.assertj.core.api.Assertions.assertThat(response.statusCode())
        .as(response.body())
        .isEqualTo(200);
    return json(response);
  }

  /** GET of a path with its query, which the caller writes already encoded (%20 for a space). */
  public HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
  }

  public HttpResponse<String> post(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return client.send(
          request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
