package io.daos.engine.vos;

import java.nio.ByteBuffer;
import org.lmdbjava.Dbi;
import org.lmdbjava.Txn;

/** One LMDB database seen through byte arrays: inputs go through {@link Scratch}, results are copied out. */
final class Db {
  private final Dbi<ByteBuffer> dbi;
  private final Scratch scratch;

  Db(Dbi<ByteBuffer> dbi, Scratch scratch) {
    this.dbi = dbi;
    this.scratch = scratch;
  }

  byte[] get(Txn<ByteBuffer> txn, byte[] key) {
    ByteBuffer v = dbi.get(txn, scratch.key(key));
    return v == null ? null : Scratch.copy(v);
  }

  boolean exists(Txn<ByteBuffer> txn, byte[] key) {
    return dbi.get(txn, scratch.key(key)) != null;
  }

  void put(Txn<ByteBuffer> txn, byte[] key, byte[] val) {
    dbi.put(txn, scratch.key(key), scratch.val(val));
  }

  boolean delete(Txn<ByteBuffer> txn, byte[] key) {
    return dbi.delete(txn, scratch.key(key));
  }

  Cur openCursor(Txn<ByteBuffer> txn) {
    return new Cur(dbi.openCursor(txn), scratch);
  }
}
