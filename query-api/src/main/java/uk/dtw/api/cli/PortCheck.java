package uk.dtw.api.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * A bind attempt before the server starts, so a taken port is one clear line from us rather than
 * Javalin's error log plus ours. The port is released at once; a race with another process still
 * ends in Javalin's bind error, which {@link ServeMain} also reports.
 */
final class PortCheck {
  private PortCheck() {}

  /** Why {@code host:port} cannot be bound, or null when it can. */
  static String problem(String host, int port) {
    if (port < 0 || port > 65_535) {
      return "the port must be from 0 to 65535";
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
      return null;
    } catch (UnknownHostException e) {
      return "unknown host " + host;
    } catch (IOException e) {
      return "the port is in use or not allowed ("
          + e.getMessage()
          + "); choose another with --port";
    }
  }
}
