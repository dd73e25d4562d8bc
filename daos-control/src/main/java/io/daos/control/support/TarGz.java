package io.daos.control.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * A gzip-compressed POSIX ustar archive of a folder, entries named by their path under the folder's parent (so the
 * archive unpacks to the folder), directories first. Names longer than ustar's 100 (+155 prefix) bytes are an error.
 */
final class TarGz {
  private static final int BLOCK = 512;

  private TarGz() {
  }

  static void write(Path folder, OutputStream os) throws IOException {
    Path base = folder.toAbsolutePath().getParent();
    GZIPOutputStream gz = new GZIPOutputStream(os);
    List<Path> paths;
    try (Stream<Path> s = Files.walk(folder)) {
      paths = s.sorted().toList();
    }
    for (Path p : paths) {
      String name = base.relativize(p.toAbsolutePath()).toString().replace('\\', '/');
      boolean dir = Files.isDirectory(p);
      long size = dir ? 0 : Files.size(p);
      gz.write(header(dir ? name + "/" : name, dir, size, Files.getLastModifiedTime(p).toMillis() / 1000));
      if (!dir) {
        long copied;
        try (InputStream in = Files.newInputStream(p)) {
          copied = in.transferTo(gz);
        }
        if (copied != size) {
          throw new IOException(p + " changed while it was archived");
        }
        int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
        gz.write(new byte[pad]);
      }
    }
    gz.write(new byte[2 * BLOCK]);
    gz.finish();
  }

  private static byte[] header(String name, boolean dir, long size, long mtime) throws IOException {
    byte[] h = new byte[BLOCK];
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    String prefix = "";
    if (n.length > 100) {
      int cut = name.lastIndexOf('/', name.length() - (dir ? 2 : 1));
      while (cut > 0 && name.substring(cut + 1).getBytes(StandardCharsets.UTF_8).length > 100) {
        cut = name.lastIndexOf('/', cut - 1);
      }
      if (cut <= 0 || cut > 155) {
        throw new IOException("path too long for the archive: " + name);
      }
      prefix = name.substring(0, cut);
      n = name.substring(cut + 1).getBytes(StandardCharsets.UTF_8);
    }
    System.arraycopy(n, 0, h, 0, n.length);
    octal(h, 100, 8, dir ? 0755 : 0644);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, mtime);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    h[156] = (byte) (dir ? '5' : '0');
    byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, h, 257, magic.length);
    byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(p, 0, h, 345, p.length);
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    return h;
  }

  private static void octal(byte[] h, int off, int len, long v) {
    String s = Long.toOctalString(v);
    if (s.length() > len - 1) {
      throw new IllegalArgumentException("value " + v + " too large for a tar header field");
    }
    s = "0".repeat(len - 1 - s.length()) + s;
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, off, b.length);
    h[off + len - 1] = 0;
  }
}
