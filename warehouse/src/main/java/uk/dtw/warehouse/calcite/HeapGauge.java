package uk.dtw.warehouse.calcite;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Whether the heap is running short: its long-lived part (G1's old generation, where large arrays
 * go at once) more than 70% full. Cheap enough to ask on every row.
 */
final class HeapGauge {
  static final double SHORT_ABOVE = 0.70;

  private static final List<MemoryPoolMXBean> TENURED =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP && p.isUsageThresholdSupported())
          .toList();

  private HeapGauge() {}

  static boolean short_() {
    long max = Runtime.getRuntime().maxMemory();
    long used = 0;
    for (MemoryPoolMXBean pool : TENURED) {
      used += pool.getUsage().getUsed();
    }
    return used > SHORT_ABOVE * max;
  }
}
