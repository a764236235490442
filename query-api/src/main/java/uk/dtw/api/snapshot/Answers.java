package uk.dtw.api.snapshot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers one warehouse version has given, kept by request: a version never changes, so the
 * same report with the same parameters is the same bytes. Least recently used answers go first once
 * the kept bytes pass the budget; an answer larger than a tenth of it is not kept.
 */
public final class Answers {
  /** A response as sent: its content type and body. */
  public record Answer(String contentType, byte[] body) {}

  private final long budgetBytes;
  private final LinkedHashMap<String, Answer> kept = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;

  public Answers(long budgetBytes) {
    this.budgetBytes = budgetBytes;
  }

  public synchronized Answer get(String request) {
    return kept.get(request);
  }

  public synchronized void put(String request, Answer answer) {
    long size = answer.body().length + request.length() * 2L;
    if (size > budgetBytes / 10) {
      return;
    }
    Answer before = kept.put(request, answer);
    bytes += size - (before == null ? 0 : before.body().length + request.length() * 2L);
    var oldest = kept.entrySet().iterator();
    while (bytes > budgetBytes && oldest.hasNext()) {
      Map.Entry<String, Answer> e = oldest.next();
      bytes -= e.getValue().body().length + e.getKey().length() * 2L;
      oldest.remove();
    }
  }

  public synchronized int size() {
    return kept.size();
  }
}
