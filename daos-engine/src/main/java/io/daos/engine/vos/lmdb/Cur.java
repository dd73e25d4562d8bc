package io.daos.engine.vos.lmdb;

import java.nio.ByteBuffer;
import org.lmdbjava.Cursor;
import org.lmdbjava.GetOp;
import org.lmdbjava.Txn;

/** An LMDB cursor seen through byte arrays; the current key and value are copied out once per position. */
public final class Cur implements AutoCloseable {
  private final Cursor<ByteBuffer> c;
  private final Scratch scratch;
  private byte[] key;
  private byte[] val;

  Cur(Cursor<ByteBuffer> c, Scratch scratch) {
    this.c = c;
    this.scratch = scratch;
  }

  /** Positions at the first key at or after {@code k} (MDB_SET_RANGE); false if there is none. */
  public boolean seek(byte[] k) {
    return moved(c.get(scratch.key(k), GetOp.MDB_SET_RANGE));
  }

  public boolean first() {
    return moved(c.first());
  }

  public boolean last() {
    return moved(c.last());
  }

  public boolean next() {
    return moved(c.next());
  }

  public boolean prev() {
    return moved(c.prev());
  }

  public byte[] key() {
    if (key == null) {
      key = Scratch.copy(c.key());
    }
    return key;
  }

  public byte[] val() {
    if (val == null) {
      val = Scratch.copy(c.val());
    }
    return val;
  }

  public void delete() {
    c.delete();
    moved(true);
  }

  private boolean moved(boolean ok) {
    key = null;
    val = null;
    return ok;
  }

  /** Rebinds this cursor to a renewed read transaction (LMDB {@code mdb_cursor_renew}). */
  public void renew(Txn<ByteBuffer> txn) {
    c.renew(txn);
    moved(false);
  }

  @Override
  public void close() {
    c.close();
  }
}
