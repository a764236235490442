package uk.dtw.api.limits;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which threads of this JVM use the CPU: to see that a stopped query really stopped. */
public final class CpuProbe {
  private CpuProbe() {}

  /** Names of threads that used more than half of a core over the next {@code millis}. */
  public static List<String> busyThreadsOver(long millis) throws InterruptedException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> before = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      before.put(id, threads.getThreadCpuTime(id));
    }
    Thread.sleep(millis);
    List<String> busy = new ArrayList<>();
    for (long id : threads.getAllThreadIds()) {
      Long start = before.get(id);
      long now = threads.getThreadCpuTime(id);
      if (start != null && start >= 0 && now - start > millis * 500_000L) {
        var info = threads.getThreadInfo(id);
        busy.add(info == null ? "thread " + id : info.getThreadName());
      }
    }
    return busy;
  }
}
