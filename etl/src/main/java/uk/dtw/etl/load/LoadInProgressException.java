package uk.dtw.etl.load;

/** Another load holds the warehouse: this one stops before writing anything. */
public final class LoadInProgressException extends RuntimeException {
  LoadInProgressException(String message) {
    super(message);
  }
}
