package uk.dtw.etl.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and folders made through LocalFiles (and LocalFilesContext) get the modes Hadoop asks for,
 * as the OS reports.
 */
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

  /** Delta's log store goes through FileContext: create with a mode, rename into place, status. */
  @Test
  void file_context_writes_renames_and_tells_links_apart(@TempDir java.nio.file.Path dir)
      throws Exception {
    Configuration conf = new Configuration();
    conf.set("fs.AbstractFileSystem.file.impl", LocalFilesContext.class.getName());
    FileContext fc = FileContext.getFileContext(URI.create("file:///"), conf);
    assertThat(fc.getDefaultFileSystem()).isInstanceOf(LocalFilesContext.class);
    Path tmp = new Path(dir.toUri().toString(), ".00000000000000000001.json.tmp");
    try (FSDataOutputStream out =
        fc.create(
            tmp,
            java.util.EnumSet.of(CreateFlag.CREATE),
            Options.CreateOpts.perms(new FsPermission((short) 0640)))) {
      out.writeBytes("{\"commitInfo\":{}}");
    }
    Path commit = new Path(dir.toUri().toString(), "00000000000000000001.json");
    fc.rename(tmp, commit, Options.Rename.NONE);

    java.nio.file.Path local = dir.resolve("00000000000000000001.json");
    assertThat(new String(Files.readAllBytes(local))).isEqualTo("{\"commitInfo\":{}}");
    assertThat(dir.resolve(".00000000000000000001.json.crc")).exists();
    assertThat(dir.resolve(".00000000000000000001.json.tmp")).doesNotExist();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(local)))
        .isEqualTo("rw-r-----");
    // The link status Hadoop's own LocalFs gives, without its readlink fork: for a file, a folder,
    // a symbolic link and a path that does not exist.
    Files.createSymbolicLink(dir.resolve("link.json"), local);
    FileContext hadoops = FileContext.getFileContext(URI.create("file:///"), new Configuration());
    assertThat(hadoops.getDefaultFileSystem()).isNotInstanceOf(LocalFilesContext.class);
    Files.createDirectory(dir.resolve("folder"));
    for (String name : List.of("00000000000000000001.json", "folder", "link.json")) {
      Path p = new Path(dir.toUri().toString(), name);
      FileStatus ours = fc.getFileLinkStatus(p);
      FileStatus theirs = hadoops.getFileLinkStatus(p);
      assertThat(ours.isSymlink()).as(name).isEqualTo(theirs.isSymlink());
      assertThat(ours.isDirectory()).as(name).isEqualTo(theirs.isDirectory());
      assertThat(ours.getLen()).as(name).isEqualTo(theirs.getLen());
      assertThat(ours.getPath()).as(name).isEqualTo(theirs.getPath());
    }
    assertThat(fc.getFileLinkStatus(commit).getLen()).isEqualTo(Files.size(local));
    Path absent = new Path(dir.toUri().toString(), "absent");
    assertThatThrownBy(() -> fc.getFileLinkStatus(absent))
        .isInstanceOf(java.io.FileNotFoundException.class);
    assertThatThrownBy(() -> hadoops.getFileLinkStatus(absent))
        .isInstanceOf(java.io.FileNotFoundException.class);
  }
}
