package uk.dtw.api.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import uk.dtw.api.access.ApiKey;
import uk.dtw.api.access.KeyFile;

/**
 * What must hold of the keys before {@code serve} listens: a key file named on the command line
 * exists and reads, and an address other than loopback is served only with keys to present, so that
 * opening the service to a network is always a decision someone took.
 */
final class KeyCheck {
  private KeyCheck() {}

  /** One line saying what is wrong, or null when serving may go ahead. */
  static String problem(Path file, boolean named, String host) {
    if (named && !Files.exists(file)) {
      return "key file "
          + file
          + " does not exist; create it with bin/dwh keys create --keys "
          + file
          + " --role analyst --name NAME";
    }
    List<ApiKey> keys;
    try {
      keys = KeyFile.read(file);
    } catch (IOException | RuntimeException e) {
      return "cannot read key file " + file + ": " + e.getMessage();
    }
    if (keys.isEmpty() && !loopback(host)) {
      return "refusing to listen on "
          + host
          + " without API keys: anyone who can reach it would be served; create a key with"
          + " bin/dwh keys create --role admin --name NAME (file "
          + file
          + "), or serve on 127.0.0.1";
    }
    return null;
  }

  /**
   * Whether every address {@code host} names is loopback; an unknown host is PortCheck's to say.
   */
  private static boolean loopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return true;
    }
  }
}
