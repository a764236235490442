package uk.dtw.etl.spark;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.local.LocalConfigKeys;

/**
 * {@link LocalFiles} for Hadoop's FileContext API ({@code fs.AbstractFileSystem.file.impl}): Delta
 * writes its log through FileContext, so without this every commit forked {@code chmod} for its
 * temporary file and checksum and {@code readlink} around their renames (~160 processes in a
 * one-file reload at scale 1). The same checksummed local file system as Hadoop's {@code LocalFs},
 * over {@link LocalFiles}' raw one.
 */
public final class LocalFilesContext extends ChecksumFs {
  public LocalFilesContext(URI uri, Configuration conf) throws IOException, URISyntaxException {
    super(new Raw(uri, conf));
  }

  /** As Hadoop's RawLocalFs, which cannot be given another FileSystem. */
  private static final class Raw extends DelegateToFileSystem {
    Raw(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(uri, new LocalFiles.NioPermissions(), conf, "file", false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }

    @Override
    public FsServerDefaults getServerDefaults(Path f) throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    @SuppressWarnings("deprecation")
    public FsServerDefaults getServerDefaults() throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public boolean isValidName(String src) {
      // Any name is valid on the local file system.
      return true;
    }
  }
}
