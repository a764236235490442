package uk.dtw.etl.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system (checksums included), but setting a file's permissions through
 * java.nio. Without Hadoop's native library, which Maven Central does not ship, {@link
 * RawLocalFileSystem#setPermission} forks a {@code chmod} process, and it does so for every file
 * and folder it creates: a national load writes ~2,000 partition files of episodes plus their
 * checksums and folders, and those forks were most of the time it spent writing them. Looking up a
 * path's link status forks {@code readlink} too; Delta does it several times for each commit file
 * it renames into place (through {@link LocalFilesContext}, the same file system behind Hadoop's
 * other API).
 */
public final class LocalFiles extends LocalFileSystem {
  public LocalFiles() {
    super(new NioPermissions());
  }

  /** The raw local file system with {@code chmod} done in-process where the file store allows. */
  static final class NioPermissions extends RawLocalFileSystem {
    private static final PosixFilePermission[] BITS = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };

    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      java.nio.file.Path file = pathToFile(p).toPath();
      short mode = permission.toShort();
      // java.nio has no sticky bit, and not every file store is POSIX: Hadoop's own way then.
      if ((mode & ~0777) != 0
          || Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
        super.setPermission(p, permission);
        return;
      }
      Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
      for (int bit = 0; bit < BITS.length; bit++) {
        if ((mode & (1 << bit)) != 0) {
          set.add(BITS[bit]);
        }
      }
      Files.setPosixFilePermissions(file, set);
    }

    /**
     * A path that is not a symbolic link has the status {@link #getFileStatus} gives, which is what
     * Hadoop returns after its {@code readlink} finds no link; links still go Hadoop's way.
     */
    @Override
    public FileStatus getFileLinkStatus(Path p) throws IOException {
      if (Files.isSymbolicLink(pathToFile(p).toPath())) {
        return super.getFileLinkStatus(p);
      }
      return getFileStatus(p);
    }
  }
}
