package io.daos.client;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.client.obj.Anchor;
import io.daos.client.obj.FetchedIod;
import io.daos.client.obj.Iod;
import io.daos.client.obj.KeyPage;
import io.daos.client.obj.Keys;
import io.daos.client.rpc.Futures;
import io.daos.placement.Cond;
import io.daos.placement.object.ObjectId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A key-value object with DAOS's KV layout ({@code dc_kv.c}): the key is the dkey, the akey is the single byte
 * {@code '0'}, the value is a single value; remove punches the dkey; list enumerates dkeys.
 */
public final class DaosKv implements AutoCloseable {
  /** The one akey of every KV entry. */
  static final byte[] AKEY = {'0'};

  private final DaosObject obj;

  DaosKv(DaosObject obj) {
    this.obj = obj;
  }

  static ObjectId checkType(ObjectId oid) {
    if (!oid.type().kv()) {
      throw new DaosException(DaosStatus.INVAL, "object " + oid + " has type " + oid.type()
          + "; a KV needs a KV_HASHED, KV_UINT64 or KV_LEXICAL object id");
    }
    return oid;
  }

  public DaosObject object() {
    return obj;
  }

  /** A read-only view of this KV as it was at a snapshot's {@code epoch} (see {@link DaosObject#atSnapshot}). */
  public DaosKv atSnapshot(long epoch) {
    return new DaosKv(obj.atSnapshot(epoch));
  }

  /** {@code daos_kv_put}. */
  public void put(byte[] key, byte[] value) {
    Futures.join(putAsync(key, value));
  }

  public void put(String key, byte[] value) {
    put(Keys.utf8(key), value);
  }

  public CompletableFuture<Void> putAsync(byte[] key, byte[] value) {
    return Futures.of(() -> obj.updateAsync(key, List.of(Iod.single(AKEY, value)), Cond.NONE));
  }

  /** {@code daos_kv_get}: the value, or null when the key does not exist. */
  public byte[] get(byte[] key) {
    return Futures.join(getAsync(key));
  }

  public byte[] get(String key) {
    return get(Keys.utf8(key));
  }

  /** Fetches with size "any" and, if the engine sent only the size, again with a buffer of that size. */
  public CompletableFuture<byte[]> getAsync(byte[] key) {
    return Futures.of(() -> obj.fetchAsync(key, List.of(Iod.singleFetch(AKEY, 0)), Cond.NONE).thenCompose(r -> {
      FetchedIod f = r.get(0);
      if (f.isEmpty()) {
        return CompletableFuture.completedFuture((byte[]) null);
      }
      if (f.data().length == f.size()) {
        return CompletableFuture.completedFuture(f.data());
      }
      return obj.fetchAsync(key, List.of(Iod.singleFetch(AKEY, f.size())), Cond.NONE)
          .thenApply(r2 -> r2.get(0).isEmpty() ? null : r2.get(0).data());
    }));
  }

  /**
   * {@link #getAsync} from one replica only ({@link DaosObject#fetchReplicaAsync}): the value replica
   * {@code replica} of the key's group holds, or null when it has none. For checking that replicas agree.
   */
  public CompletableFuture<byte[]> getReplicaAsync(byte[] key, int replica) {
    return Futures.of(() -> obj.fetchReplicaAsync(key, List.of(Iod.singleFetch(AKEY, 0)), replica).thenCompose(r -> {
      FetchedIod f = r.get(0);
      if (f.isEmpty()) {
        return CompletableFuture.completedFuture((byte[]) null);
      }
      if (f.data().length == f.size()) {
        return CompletableFuture.completedFuture(f.data());
      }
      return obj.fetchReplicaAsync(key, List.of(Iod.singleFetch(AKEY, f.size())), replica)
          .thenApply(r2 -> r2.get(0).isEmpty() ? null : r2.get(0).data());
    }));
  }

  /** The number of replicas of each of this KV's redundancy groups (the object class's group size). */
  public int replicas() {
    return obj.layout().groupSize();
  }

  /** {@code daos_kv_get} with a NULL buffer: the value's size, 0 when absent. */
  public long size(byte[] key) {
    return Futures.join(obj.fetchAsync(key, List.of(Iod.singleFetch(AKEY, 0)), Cond.NONE)).get(0).size();
  }

  /** {@code daos_kv_remove}: punches the key's dkey. */
  public void remove(byte[] key) {
    Futures.join(removeAsync(key));
  }

  public void remove(String key) {
    remove(Keys.utf8(key));
  }

  public CompletableFuture<Void> removeAsync(byte[] key) {
    return obj.punchDkeysAsync(List.of(key), Cond.NONE);
  }

  /** {@code daos_kv_list}: up to {@code max} keys from {@code anchor}. */
  public KeyPage list(Anchor anchor, int max) {
    return Futures.join(listAsync(anchor, max));
  }

  public CompletableFuture<KeyPage> listAsync(Anchor anchor, int max) {
    return obj.listDkeysAsync(anchor, max);
  }

  /** Every key. */
  public List<byte[]> keys() {
    return obj.listAllDkeys();
  }

  /** {@code daos_kv_destroy}: punches the object. */
  public void destroy() {
    obj.punch();
  }

  @Override
  public void close() {
  }
}
