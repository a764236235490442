package uk.dtw.etl.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and folders made through LocalFiles get the modes Hadoop asks for, as the OS reports. */
class LocalFilesTest {

  @Test
  void files_and_folders_get_the_permissions_asked_for(@TempDir java.nio.file.Path dir)
      throws Exception {
    Configuration conf = new Configuration();
    conf.set("fs.file.impl", LocalFiles.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    try (FileSystem fs = FileSystem.get(URI.create("file:///"), conf)) {
      assertThat(fs).isInstanceOf(LocalFiles.class);
      Path folder = new Path(dir.toUri().toString(), "a/b");
      assertThat(fs.mkdirs(folder, new FsPermission((short) 0750))).isTrue();
      Path file = new Path(folder, "part.parquet");
      try (FSDataOutputStream out = fs.create(file)) {
        out.writeBytes("rows");
      }
      fs.setPermission(file, new FsPermission((short) 0640));

      java.nio.file.Path local = dir.resolve("a/b/part.parquet");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(local)))
          .isEqualTo("rw-r-----");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))))
          .isEqualTo("rwxr-x---");
      // The checksum beside it, as Hadoop's local file system writes one.
      assertThat(dir.resolve("a/b/.part.parquet.crc")).exists();
      assertThat(new String(Files.readAllBytes(local))).isEqualTo("rows");
    }
  }
}
