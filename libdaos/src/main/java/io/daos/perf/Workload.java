package io.daos.perf;

import io.daos.client.DaosContainer;
import io.daos.client.DaosObject;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.placement.object.ObjectType;
import io.daos.client.obj.Iod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One object that {@code daos_perf} writes and reads by key number, through libdaos's async API. The value of a
 * write is only read until the returned future completes, so a caller may reuse its buffer after that.
 */
interface Workload {
  /** DAOS's default array chunk: 1 MiB of 1-byte cells per dkey. */
  long ARRAY_CHUNK = 1 << 20;

  CompletableFuture<?> write(long key, byte[] value);

  /**
   * Whether writes take the caller's direct buffer ({@link #write(long, java.nio.ByteBuffer)}), as C memory in
   * DAOS's sgl: the bytes then reach the socket with no copy.
   */
  default boolean writesBuffers() {
    return false;
  }

  /** Writes {@code value}'s remaining bytes under {@code key} (only where {@link #writesBuffers()}). */
  default CompletableFuture<?> write(long key, java.nio.ByteBuffer value) {
    throw new UnsupportedOperationException("this workload writes arrays");
  }

  CompletableFuture<byte[]> read(long key);

  /**
   * Reads key {@code key}, into {@code buf} where the API takes the caller's buffer (daos_array_read's sgl: DAOS's
   * daos_perf reads into buffers it allocated once), else into a new array; returns the bytes read.
   */
  default CompletableFuture<byte[]> read(long key, byte[] buf) {
    return read(key);
  }

  /** The object's id (for messages). */
  ObjectId oid();

  /** A new object of the kind {@code op} uses, of class {@code oc}, in {@code cont}. */
  static Workload create(PerfOp op, DaosContainer cont, ObjectClass oc, int size) {
    return switch (op) {
      case UPDATE, FETCH -> new Obj(cont.openObject(cont.generateOid(ObjectType.MULTI_HASHED, oc, 0)), size);
      case KV_PUT, KV_GET -> new Kv(cont.openKv(cont.generateOid(ObjectType.KV_HASHED, oc, 0)));
      case ARRAY_WRITE, ARRAY_READ -> new Array(cont.createArray(cont.generateOid(ObjectType.ARRAY, oc, 0), 1,
          ARRAY_CHUNK), size);
    };
  }

  /** {@code daos_obj_update/fetch}: dkey = the key number (8 bytes, little endian), one single-value akey. */
  record Obj(DaosObject obj, int size) implements Workload {
    private static final byte[] AKEY = "a".getBytes(StandardCharsets.UTF_8);

    @Override
    public CompletableFuture<?> write(long key, byte[] value) {
      return obj.updateAsync(dkey(key), List.of(Iod.single(AKEY, value)), 0);
    }

    @Override
    public CompletableFuture<byte[]> read(long key) {
      return obj.fetchAsync(dkey(key), List.of(Iod.singleFetch(AKEY, size)), 0).thenApply(r -> r.get(0).data());
    }

    @Override
    public ObjectId oid() {
      return obj.oid();
    }

    private static byte[] dkey(long k) {
      byte[] b = new byte[8];
      for (int i = 0; i < 8; i++) {
        b[i] = (byte) (k >>> (8 * i));
      }
      return b;
    }
  }

  /** {@code daos_kv_put/get} with keys {@code "key:<n>"}. */
  record Kv(io.daos.client.DaosKv kv) implements Workload {
    @Override
    public CompletableFuture<?> write(long key, byte[] value) {
      return kv.putAsync(key(key), value);
    }

    @Override
    public CompletableFuture<byte[]> read(long key) {
      return kv.getAsync(key(key));
    }

    @Override
    public ObjectId oid() {
      return kv.object().oid();
    }

    private static byte[] key(long k) {
      return ("key:" + k).getBytes(StandardCharsets.US_ASCII);
    }
  }

  /** {@code daos_array_write/read} of {@code size} 1-byte cells at cell {@code key * size}. */
  record Array(io.daos.client.DaosArray array, int size) implements Workload {
    @Override
    public CompletableFuture<?> write(long key, byte[] value) {
      return array.writeAsync(key * size, value);
    }

    @Override
    public boolean writesBuffers() {
      return true;
    }

    @Override
    public CompletableFuture<?> write(long key, java.nio.ByteBuffer value) {
      return array.writeAsync(key * size, value);
    }

    @Override
    public CompletableFuture<byte[]> read(long key) {
      return array.readAsync(key * size, size);
    }

    @Override
    public CompletableFuture<byte[]> read(long key, byte[] buf) {
      return array.readAsync(key * size, buf, 0, size).thenApply(v -> buf);
    }

    @Override
    public ObjectId oid() {
      return array.object().oid();
    }
  }
}
