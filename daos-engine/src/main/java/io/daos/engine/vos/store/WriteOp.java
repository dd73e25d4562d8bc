package io.daos.engine.vos.store;

import java.nio.ByteBuffer;
import org.lmdbjava.Txn;

/** One queued update or punch: applies itself inside the transaction it is given, or throws and changes nothing. */
@FunctionalInterface
public interface WriteOp {
  void apply(Txn<ByteBuffer> txn);
}
