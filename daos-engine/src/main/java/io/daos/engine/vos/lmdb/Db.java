package io.daos.engine.vos.lmdb;

import java.nio.ByteBuffer;
import org.lmdbjava.Dbi;
import org.lmdbjava.Txn;

/** One LMDB database seen through byte arrays: inputs go through {@link Scratch}, results are copied out. */
public final class Db {
  private final Dbi<ByteBuffer> dbi;
  private final Scratch scratch;

  public Db(Dbi<ByteBuffer> dbi, Scratch scratch) {
    this.dbi = dbi;
    this.scratch = scratch;
  }

  public byte[] get(Txn<ByteBuffer> txn, byte[] key) {
    ByteBuffer v = dbi.get(txn, scratch.key(key));
    return v == null ? null : Scratch.copy(v);
  }

  public boolean exists(Txn<ByteBuffer> txn, byte[] key) {
    return dbi.get(txn, scratch.key(key)) != null;
  }

  public void put(Txn<ByteBuffer> txn, byte[] key, byte[] val) {
    dbi.put(txn, scratch.key(key), scratch.val(val));
  }

  /** Puts {@code key} only if it is absent (one search, {@code MDB_NOOVERWRITE}); false, writing nothing, if not. */
  public boolean putIfAbsent(Txn<ByteBuffer> txn, byte[] key, byte[] val) {
    return dbi.put(txn, scratch.key(key), scratch.val(val), org.lmdbjava.PutFlags.MDB_NOOVERWRITE);
  }

  public boolean delete(Txn<ByteBuffer> txn, byte[] key) {
    return dbi.delete(txn, scratch.key(key));
  }

  /** Pages this database's tree occupies (branch, leaf and overflow pages) as {@code txn} sees it. */
  public long pages(Txn<ByteBuffer> txn) {
    org.lmdbjava.Stat st = dbi.stat(txn);
    return st.branchPages + st.leafPages + st.overflowPages;
  }

  public Cur openCursor(Txn<ByteBuffer> txn) {
    return new Cur(dbi.openCursor(txn), scratch);
  }
}
