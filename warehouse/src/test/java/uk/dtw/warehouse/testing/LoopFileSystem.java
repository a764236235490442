package uk.dtw.warehouse.testing;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A Hadoop file system of its own scheme, {@code loop:///}, over the local disk: a stand-in for
 * {@code s3a://} or {@code hdfs://} that proves the read side takes any Hadoop URI through its
 * Hadoop settings (this class is named in them, as {@code fs.loop.impl}), not a local path.
 */
public final class LoopFileSystem extends RawLocalFileSystem {
  @Override
  public URI getUri() {
    return URI.create("loop:///");
  }

  @Override
  public String getScheme() {
    return "loop";
  }
}
