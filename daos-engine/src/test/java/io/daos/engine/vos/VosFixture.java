package io.daos.engine.vos;

import io.daos.engine.vos.store.VosOptions;
import io.daos.engine.vos.tree.VosObjectId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Shared helpers: an open pool + container in a temp dir, and byte helpers. */
final class VosFixture implements AutoCloseable {
  static final VosObjectId OID = VosObjectId.of(0, 1, 100);
  static final VosObjectId UINT_OID = VosObjectId.of(VosObjectId.OT_MULTI_UINT64, 1, 200);
  static final VosObjectId ARRAY_OID = VosObjectId.of(VosObjectId.OT_ARRAY_BYTE, 1, 300);

  final VosPool pool;
  final VosContainer cont;

  VosFixture(Path dir) {
    this(dir, VosOptions.defaults().withMapSize(256L << 20));
  }

  VosFixture(Path dir, VosOptions opts) {
    pool = VosPool.create(dir, 0, opts);
    cont = pool.createContainer(UUID.randomUUID());
  }

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String s(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  static byte[] u64(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (8 * i));
    }
    return b;
  }

  static long u64(byte[] b) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (b[i] & 0xff);
    }
    return v;
  }

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  void putSv(long epoch, VosObjectId oid, String dkey, String akey, String value) {
    cont.update(epoch, oid, b(dkey), List.of(Iod.single(b(akey), b(value))), 0);
  }

  FetchedValue getSv(long epoch, VosObjectId oid, String dkey, String akey) {
    return cont.fetch(epoch, oid, b(dkey), List.of(Iod.fetchSingle(b(akey))), 0).get(0);
  }

  String svString(long epoch, VosObjectId oid, String dkey, String akey) {
    FetchedValue v = getSv(epoch, oid, dkey, akey);
    return v.isEmpty() ? null : s(v.data());
  }

  @Override
  public void close() {
    pool.close();
  }
}
