package io.daos.tool.output.cont;

import java.util.ArrayList;
import java.util.List;

/**
 * DAOS's property splitter: splits on a separator outside quotes and not after a backslash, dropping empty fields
 * (Go's {@code strings.FieldsFunc}); after {@code max} splits (when {@code max > 0}) the rest is one field.
 */
final class PropSplit {
  /** {@code DAOS_ATTR_NAME_MAX}. */
  static final int MAX_KEY_LEN = 511;

  private PropSplit() {
  }

  static List<String> split(String s, char sep, int max) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inDq = false;
    boolean inSq = false;
    boolean inEsc = false;
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      char r = s.charAt(i);
      inDq = !inSq && r == '"' ? !inDq : inDq;
      inSq = !inDq && r == '\'' ? !inSq : inSq;
      boolean split = false;
      if (r == '\\') {
        inEsc = true;
      } else if (!(max > 0 && count >= max)) {
        if (!inDq && !inSq && !inEsc && r == sep) {
          count++;
          split = true;
        } else {
          inEsc = false;
        }
      }
      if (split) {
        flush(out, cur);
      } else {
        cur.append(r);
      }
    }
    flush(out, cur);
    return out;
  }

  private static void flush(List<String> out, StringBuilder cur) {
    if (cur.length() > 0) {
      out.add(cur.toString());
      cur.setLength(0);
    }
  }
}
