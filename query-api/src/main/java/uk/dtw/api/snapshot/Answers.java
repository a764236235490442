package uk.dtw.api.snapshot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers one warehouse version has given, kept by request: a version never changes, so the
 * same report with the same parameters is the same bytes. Least recently used answers go first once
 * the kept bytes pass the budget; an answer larger than a tenth of it is not kept.
 */
public final class Answers {
  /**
   * A response as sent: its content type and body, or the caller's mistake it was (a 400 or 404 a
   * version gives again and again: a request that fails slowly must not cost its work each time).
   */
  public record Answer(String contentType, byte[] body, uk.dtw.api.errors.ApiError error) {
    public Answer(String contentType, byte[] body) {
      this(contentType, body, null);
    }

    /** The same mistake as an answer to keep. */
    public static Answer of(uk.dtw.api.errors.ApiError error) {
      return new Answer(null, new byte[0], error);
    }

    long size() {
      return body.length + (error == null ? 0 : 2L * error.getMessage().length() + 256);
    }
  }

  private final long budgetBytes;

  /** Answers being computed now, by request: the same request meanwhile waits for this one. */
  private final java.util.concurrent.ConcurrentHashMap<
          String, java.util.concurrent.CompletableFuture<Answer>>
      computing = new java.util.concurrent.ConcurrentHashMap<>();

  private final LinkedHashMap<String, Answer> kept = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;

  public Answers(long budgetBytes) {
    this.budgetBytes = budgetBytes;
  }

  public synchronized Answer get(String request) {
    return kept.get(request);
  }

  public synchronized void put(String request, Answer answer) {
    long size = answer.size() + request.length() * 2L;
    if (size > budgetBytes / 10) {
      return;
    }
    Answer before = kept.put(request, answer);
    bytes += size - (before == null ? 0 : before.size() + request.length() * 2L);
    var oldest = kept.entrySet().iterator();
    while (bytes > budgetBytes && oldest.hasNext()) {
      Map.Entry<String, Answer> e = oldest.next();
      bytes -= e.getValue().size() + e.getKey().length() * 2L;
      oldest.remove();
    }
  }

  /**
   * Registers {@code mine} as the computation of {@code request}; returns the one already under way
   * instead, if any. Whoever registered completes the future (null when there is no answer to
   * share, e.g. an error) and then calls {@link #computed}.
   */
  public java.util.concurrent.CompletableFuture<Answer> computing(
      String request, java.util.concurrent.CompletableFuture<Answer> mine) {
    return computing.putIfAbsent(request, mine);
  }

  public void computed(String request, java.util.concurrent.CompletableFuture<Answer> mine) {
    computing.remove(request, mine);
  }

  public synchronized int size() {
    return kept.size();
  }
}
