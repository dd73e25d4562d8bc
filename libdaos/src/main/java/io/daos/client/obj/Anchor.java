package io.daos.client.obj;

/**
 * An enumeration position ({@code daos_anchor_t}): opaque. Start with {@link #start()}, pass each page's anchor to
 * the next call until {@link #isEof()}. Multi-group objects are listed group by group; the anchor remembers the
 * group and the position inside it.
 */
public final class Anchor {
  private static final Anchor START = new Anchor(0, new byte[0], false);
  private static final Anchor EOF = new Anchor(-1, new byte[0], true);

  private final int group;
  private final byte[] shardAnchor;
  private final boolean eof;

  private Anchor(int group, byte[] shardAnchor, boolean eof) {
    this.group = group;
    this.shardAnchor = shardAnchor;
    this.eof = eof;
  }

  /** The anchor of a new enumeration ({@code daos_anchor_init}). */
  public static Anchor start() {
    return START;
  }

  public static Anchor eof() {
    return EOF;
  }

  public static Anchor at(int group, byte[] shardAnchor) {
    return new Anchor(group, shardAnchor.clone(), false);
  }

  /** {@code daos_anchor_is_eof}. */
  public boolean isEof() {
    return eof;
  }

  public int group() {
    return group;
  }

  public byte[] shardAnchor() {
    return shardAnchor.clone();
  }

  @Override
  public String toString() {
    return eof ? "Anchor[EOF]" : "Anchor[group " + group + ", " + shardAnchor.length + " bytes]";
  }
}
