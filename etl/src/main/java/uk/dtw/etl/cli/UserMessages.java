package uk.dtw.etl.cli;

/** Turns a failure into the one line a person running the ETL needs. */
final class UserMessages {
  private UserMessages() {}

  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getMessage() != null ? e.getMessage() : root.toString();
    if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
      message += " (cause: " + root.getMessage() + ")";
    }
    return message.lines().findFirst().orElse(message);
  }
}
