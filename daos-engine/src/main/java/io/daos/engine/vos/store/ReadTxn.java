package io.daos.engine.vos.store;

import java.nio.ByteBuffer;
import org.lmdbjava.Txn;

/**
 * A read transaction from {@link Store#read}: usually the store's one reusable read transaction, which closing
 * resets (LMDB {@code mdb_txn_reset}) instead of freeing, so the next read only renews it.
 */
public final class ReadTxn implements AutoCloseable {
  public final Txn<ByteBuffer> txn;
  private final Store owner;

  ReadTxn(Txn<ByteBuffer> txn, Store owner) {
    this.txn = txn;
    this.owner = owner;
  }

  @Override
  public void close() {
    if (owner != null) {
      owner.idle(txn);
    } else {
      txn.close();
    }
  }
}
