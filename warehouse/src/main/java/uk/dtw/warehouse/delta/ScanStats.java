package uk.dtw.warehouse.delta;

/**
 * What a reader's scans have read so far, counted since it was opened: how many scans ran, how many
 * data files they opened (after Kernel's partition pruning and data skipping) and how many rows
 * those files gave. Subtract two of these to see what one query read.
 */
public record ScanStats(long scans, long filesRead, long rowsRead) {
  public ScanStats minus(ScanStats earlier) {
    return new ScanStats(
        scans - earlier.scans, filesRead - earlier.filesRead, rowsRead - earlier.rowsRead);
  }
}
