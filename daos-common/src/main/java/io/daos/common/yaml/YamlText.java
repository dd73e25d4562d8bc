package io.daos.common.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of a YAML config file, checked before any parsing so that a bad file fails in milliseconds with a
 * message saying what is wrong: larger than {@link #MAX_BYTES} (real configs are a few KiB; the limit keeps the
 * parser's time bounded), not UTF-8, or binary (NUL or other control bytes YAML forbids).
 */
public final class YamlText {
  /** Largest config file read: 1 MiB. */
  public static final int MAX_BYTES = 1 << 20;
  /** Longest scalar (a single value) accepted: 64 KiB. */
  public static final int MAX_SCALAR_CHARS = 64 << 10;

  private YamlText() {
  }

  /**
   * Reads {@code file} as UTF-8 YAML text.
   *
   * @throws IllegalArgumentException naming the problem and the fix; the caller adds the file name
   * @throws IOException when the file cannot be read at all
   */
  public static String read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("file is larger than " + (MAX_BYTES >> 10) + " KiB, the limit for a "
          + "config file; give the path of the YAML config (a real one is a few KiB)");
    }
    return check(decode(bytes));
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("file is not UTF-8 text (binary data?); give the path of the YAML "
          + "config, not of a binary or compressed file");
    }
  }

  /** Rejects control characters YAML does not allow and over-long scalars (a line is a scalar's upper bound). */
  public static String check(String text) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
      } else if (c < 0x20 && c != '\t' && c != '\r') {
        throw new IllegalArgumentException("line " + line + ": control character 0x" + Integer.toHexString(c)
            + " (binary data?); give the path of the YAML config, not of a binary file");
      } else if (i - lineStart >= MAX_SCALAR_CHARS) {
        throw new IllegalArgumentException("line " + line + " is longer than " + (MAX_SCALAR_CHARS >> 10)
            + " KiB, the limit for one line of a config file; shorten the value");
      }
    }
    return text;
  }
}
