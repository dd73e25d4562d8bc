package io.daos.engine.obj;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.rpc.ObjRpc;

import static io.daos.engine.obj.ObjRpcFixture.CONT;
import static io.daos.engine.obj.ObjRpcFixture.MAP_VERSION;
import static io.daos.engine.obj.ObjRpcFixture.POOL;
import static io.daos.engine.obj.ObjRpcFixture.array;
import static io.daos.engine.obj.ObjRpcFixture.key;
import static io.daos.engine.obj.ObjRpcFixture.single;
import static io.daos.engine.obj.ObjRpcFixture.target;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.CartReply;
import io.daos.cart.DaosModule;
import io.daos.cart.transport.CartTransports;
import io.daos.engine.pool.PoolTiers;
import io.daos.engine.vos.FetchedValue;
import io.daos.engine.vos.Iod;
import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.VosPool;
import io.daos.engine.vos.agg.Aggregation;
import io.daos.engine.vos.blob.BlobViews;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.proto.obj.ObjEnumReply;
import io.daos.proto.obj.ObjEnumReq;
import io.daos.proto.obj.ObjPunchReply;
import io.daos.proto.obj.ObjPunchReq;
import io.daos.proto.obj.ObjQueryKeyReply;
import io.daos.proto.obj.ObjQueryKeyReq;
import io.daos.proto.obj.ObjRwReply;
import io.daos.proto.obj.ObjRwReq;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Object RPCs over a real CART-J client and server, into real per-target VOS pools. */
class ObjHandlersTest {
  @TempDir
  Path scm;
  private ObjRpcFixture f;

  @BeforeEach
  void start() {
    f = new ObjRpcFixture(scm, 2, new PoolTiers(1L << 30, 0));
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private ObjRwReply update(int tgt, long oid, String dkey, io.daos.proto.obj.Iod iod, byte[] data) throws Exception {
    ObjRwReq req = ObjRwReq.newBuilder().setTarget(target(oid)).setDkey(key(dkey)).addIods(iod).build();
    try (CartReply r = f.call(ObjRpc.UPDATE, tgt, req, data)) {
      ObjRwReply reply = ObjRwReply.parseFrom(r.bodyBytes());
      assertEquals(r.status(), reply.getStatus());
      return reply;
    }
  }

  private byte[] fetch(int tgt, long oid, String dkey, io.daos.proto.obj.Iod iod) throws Exception {
    ObjRwReq req = ObjRwReq.newBuilder().setTarget(target(oid)).setDkey(key(dkey)).addIods(iod).build();
    try (CartReply r = f.call(ObjRpc.FETCH, tgt, req, null)) {
      assertEquals(0, r.status());
      ObjRwReply reply = ObjRwReply.parseFrom(r.bodyBytes());
      assertEquals(MAP_VERSION, reply.getMapVersion());
      assertEquals(reply.getDataSizes(0), r.bulk().readableBytes());
      byte[] b = new byte[r.bulk().readableBytes()];
      r.bulk().getBytes(r.bulk().readerIndex(), b);
      return b;
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void oneMebibyteArrayRoundTripsExactly() throws Exception {
    byte[] data = new byte[1 << 20];
    new Random(42).nextBytes(data);
    ObjRwReply u = update(0, 1, "d", array("a", 1, 0, data.length, true), data);
    assertEquals(0, u.getStatus());
    assertTrue(u.getEpoch() > 0, "the engine assigns an HLC epoch");
    assertEquals(MAP_VERSION, u.getMapVersion());
    assertArrayEquals(data, fetch(0, 1, "d", array("a", 1, 0, data.length, false)));
  }

  /** {@code what} of target {@code tgt}'s blob views, read on the target's thread (their owner, DESIGN D7). */
  private long views(int tgt, ToLongFunction<BlobViews> what)
      throws Exception {
    VosPool vp = f.pools.get(POOL).target(tgt);
    return CompletableFuture.supplyAsync(() -> what.applyAsLong(vp.blobViews()),
        f.xs.executor(tgt)).get();
  }

  /**
   * A 1 MiB array value stored as one extent is sent from the blob's own memory (a view of it, released once the
   * reply is written); a value of two fragments, one with a hole and one below the bulk size are copied as before;
   * every one arrives byte for byte.
   */
  @Test
  void aOneExtentMebibyteIsSentFromTheBlobAndEveryValueExactly() throws Exception {
    byte[] data = new byte[1 << 20];
    new Random(7).nextBytes(data);
    update(0, 11, "d", array("a", 1, 0, data.length, true), data);
    long given = views(0, BlobViews::given);
    assertArrayEquals(data, fetch(0, 11, "d", array("a", 1, 0, data.length, false)));
    assertEquals(given + 1, views(0, BlobViews::given), "served from a view");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (views(0, BlobViews::outstanding) != 0) {
      assertTrue(System.nanoTime() < deadline, "the view is released once the reply is written");
    }

    byte[] tail = new byte[64 << 10];
    new Random(8).nextBytes(tail);
    update(0, 11, "d", array("a", 1, data.length - tail.length, tail.length, true), tail);
    System.arraycopy(tail, 0, data, data.length - tail.length, tail.length);
    assertArrayEquals(data, fetch(0, 11, "d", array("a", 1, 0, data.length, false)), "two fragments");
    byte[] holey = fetch(0, 11, "d", array("a", 1, data.length - 32_768, 65_536, false));
    byte[] expect = new byte[65_536];
    System.arraycopy(data, data.length - 32_768, expect, 0, 32_768);
    assertArrayEquals(expect, holey, "a range past the end reads zeros there");
    assertArrayEquals(Arrays.copyOfRange(data, 4096, 12_288), fetch(0, 11, "d", array("a", 1, 4096, 8192, false)),
        "below the bulk size");
    assertEquals(given + 1, views(0, BlobViews::given), "none of these is a view");
  }

  private VosContainer container() throws Exception {
    return CompletableFuture.supplyAsync(() -> f.pools.get(POOL).container(0, CONT),
        f.xs.executor(0)).get();
  }

  /** A whole aggregation pass of {@code c} up to {@code bound}, on target 0's thread. */
  private void aggregate(VosContainer c, long bound) throws Exception {
    CompletableFuture.runAsync(() -> {
      Aggregation.Anchor at = null;
      do {
        at = c.aggregate(bound, new long[0], at, 1_000_000).next();
      } while (at != null);
    }, f.xs.executor(0)).get();
  }

  /**
   * In process the client holds the reply's own bulk, a view of the blob, until it closes the reply. Replies held
   * across three overwrite + aggregate cycles (and punches) still hold the version they were fetched at, and their
   * space is reused once they are closed.
   */
  @ParameterizedTest
  @ValueSource(longs = {0, 64L << 20})
  void aReplyHeldInProcessKeepsItsBytesAcrossOverwriteAggregateAndPunch(long nvme) throws Exception {
    f.close();
    f = new ObjRpcFixture(scm.resolve("held"), 1, new PoolTiers(256L << 20, nvme),
        CartTransports.inMemory());
    int len = 1 << 20;
    VosContainer c = container();
    long given = views(0, BlobViews::given);
    ArrayDeque<Object[]> held = new ArrayDeque<>();
    ObjRwReq read = ObjRwReq.newBuilder().setTarget(target(13)).setDkey(key("d"))
        .addIods(array("a", 1, 0, len, false)).build();
    try {
      for (int v = 0; v < 12; v++) {
        long epoch = update(0, 13, "d", array("a", 1, 0, len, true), stamped(v, len)).getEpoch();
        held.add(new Object[] {f.call(ObjRpc.FETCH, 0, read, null), (long) v});
        if (v % 5 == 4) {
          punch(ObjRpc.PUNCH_AKEYS, ObjPunchReq.newBuilder().setTarget(target(13)).setDkey(key("d"))
              .addAkeys(key("a")));
        }
        aggregate(c, epoch);
        while (held.size() > 3) {
          checkHeld(held.poll(), len);
        }
      }
      while (!held.isEmpty()) {
        checkHeld(held.poll(), len);
      }
    } finally {
      held.forEach(h -> ((CartReply) h[0]).close());
    }
    assertEquals(given + 12, views(0, BlobViews::given), "every fetch was a view");
    assertEquals(0, views(0, BlobViews::outstanding), "closing the replies released them");
  }

  private static void checkHeld(Object[] h, int len) {
    try (CartReply r = (CartReply) h[0]) {
      assertEquals(0, r.status());
      byte[] got = new byte[r.bulk().readableBytes()];
      r.bulk().getBytes(r.bulk().readerIndex(), got);
      assertArrayEquals(stamped((Long) h[1], len), got, "a held reply changed: version " + h[1]);
    }
  }

  /** {@code len} bytes that name their version {@code v} in their first 8 and follow from it in the rest. */
  private static byte[] stamped(long v, int len) {
    byte[] b = new byte[len];
    new Random(v).nextBytes(b);
    ByteBuffer.wrap(b).putLong(0, v);
    return b;
  }

  /**
   * Clients fetch a 1 MiB value (sent from blob views) while it is overwritten, aggregated and punched on its
   * target: every fetch is one whole version, byte for byte, never part of a later write into a reused extent. On an
   * SCM-only pool (mapped SCM blob) and on a pool with NVMe (blob file).
   */
  @ParameterizedTest
  @ValueSource(longs = {0, 64L << 20})
  void fetchesStayExactWhileTheValueIsOverwrittenAggregatedAndPunched(long nvme) throws Exception {
    f.close();
    f = new ObjRpcFixture(scm.resolve("race"), 1, new PoolTiers(256L << 20, nvme));
    int len = 1 << 20;
    update(0, 12, "d", array("a", 1, 0, len, true), stamped(0, len));
    long given = views(0, BlobViews::given);
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService readers = Executors.newFixedThreadPool(2);
    List<Future<Integer>> reads = new ArrayList<>();
    try {
      for (int r = 0; r < 2; r++) {
        reads.add(readers.submit(() -> {
          int n = 0;
          while (!done.get() || n == 0) {
            byte[] got = fetch(0, 12, "d", array("a", 1, 0, len, false));
            if (got.length > 0) {
              long v = ByteBuffer.wrap(got).getLong(0);
              assertArrayEquals(stamped(v, len), got, "version " + v + " arrived whole");
              n++;
            }
          }
          return n;
        }));
      }
      VosContainer c = container();
      for (int v = 1; v <= 30; v++) {
        long epoch = update(0, 12, "d", array("a", 1, 0, len, true), stamped(v, len)).getEpoch();
        if (v % 10 == 0) {
          punch(ObjRpc.PUNCH_AKEYS, ObjPunchReq.newBuilder().setTarget(target(12)).setDkey(key("d"))
              .addAkeys(key("a")));
        }
        aggregate(c, epoch);
      }
      done.set(true);
      for (Future<Integer> r : reads) {
        assertTrue(r.get() > 0);
      }
    } finally {
      done.set(true);
      readers.shutdownNow();
    }
    assertTrue(views(0, BlobViews::given) > given, "fetches were sent from views");
  }

  @Test
  void updatesGoToTheNamedTargetOnly() throws Exception {
    update(1, 2, "d", single("a", 5), bytes("hello"));
    assertArrayEquals(bytes("hello"), fetch(1, 2, "d", single("a", 0)));
    assertEquals(0, fetch(0, 2, "d", single("a", 0)).length, "target 0 has its own VOS");
    List<FetchedValue> onTgt1 = f.xs.call(1, () -> {
      assertEquals("objtest-tgt-1", Thread.currentThread().getName());
      return f.pools.get(POOL).container(1, CONT).fetch(-1, new VosObjectId(0, 2), bytes("d"),
          List.of(Iod.fetchSingle(bytes("a"))), 0);
    });
    assertArrayEquals(bytes("hello"), onTgt1.get(0).data());
  }

  @Test
  void readAtAnOlderEpochSeesTheOlderValue() throws Exception {
    long e1 = update(0, 3, "d", single("a", 3), bytes("one")).getEpoch();
    long e2 = update(0, 3, "d", single("a", 3), bytes("two")).getEpoch();
    assertTrue(e2 > e1);
    ObjRwReq req = ObjRwReq.newBuilder().setTarget(target(3)).setDkey(key("d")).setEpoch(e1)
        .addIods(single("a", 0)).build();
    try (CartReply r = f.call(ObjRpc.FETCH, 0, req, null)) {
      byte[] b = new byte[r.bulk().readableBytes()];
      r.bulk().getBytes(r.bulk().readerIndex(), b);
      assertArrayEquals(bytes("one"), b);
    }
    assertArrayEquals(bytes("two"), fetch(0, 3, "d", single("a", 0)));
  }

  @Test
  void punchThenFetchFindsNothing() throws Exception {
    update(0, 4, "d1", single("a", 1), bytes("x"));
    update(0, 4, "d2", single("a", 1), bytes("y"));
    update(0, 4, "d2", single("b", 1), bytes("z"));
    punch(ObjRpc.PUNCH_AKEYS, ObjPunchReq.newBuilder().setTarget(target(4)).setDkey(key("d2")).addAkeys(key("b")));
    assertEquals(0, fetch(0, 4, "d2", single("b", 0)).length);
    assertArrayEquals(bytes("y"), fetch(0, 4, "d2", single("a", 0)));
    punch(ObjRpc.PUNCH_DKEYS, ObjPunchReq.newBuilder().setTarget(target(4)).addDkeys(key("d2")));
    assertEquals(0, fetch(0, 4, "d2", single("a", 0)).length);
    assertArrayEquals(bytes("x"), fetch(0, 4, "d1", single("a", 0)));
    punch(ObjRpc.PUNCH, ObjPunchReq.newBuilder().setTarget(target(4)));
    assertEquals(0, fetch(0, 4, "d1", single("a", 0)).length);
  }

  private void punch(io.daos.cart.Opcode opc, ObjPunchReq.Builder req) throws Exception {
    try (CartReply r = f.call(opc, 0, req.build(), null)) {
      assertEquals(0, r.status());
      assertTrue(ObjPunchReply.parseFrom(r.bodyBytes()).getEpoch() > 0);
    }
  }

  @Test
  void enumerateDkeysWithAnchors() throws Exception {
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      written.add("dkey-" + i);
      update(0, 5, "dkey-" + i, single("a", 1), bytes("v"));
    }
    List<String> seen = new ArrayList<>();
    ObjEnumReply page = ObjEnumReply.getDefaultInstance();
    int calls = 0;
    do {
      ObjEnumReq req = ObjEnumReq.newBuilder().setTarget(target(5)).setAnchor(page.getAnchor()).setMax(3).build();
      try (CartReply r = f.call(ObjRpc.DKEY_ENUMERATE, 0, req, null)) {
        page = ObjEnumReply.parseFrom(r.bodyBytes());
      }
      assertTrue(page.getKeysCount() <= 3);
      page.getKeysList().forEach(k -> seen.add(k.toStringUtf8()));
      calls++;
    } while (!page.getEof() && calls < 10);
    assertEquals(written.stream().sorted().toList(), seen.stream().sorted().toList());
    assertTrue(calls >= 3, "three batches of at most 3");
  }

  @Test
  void enumerateAkeysAndRecxAndQueryKey() throws Exception {
    update(0, 6, "d", array("arr", 4, 10, 5, true), new byte[20]);
    update(0, 6, "d", single("sv", 1), bytes("s"));
    ObjEnumReq akeys = ObjEnumReq.newBuilder().setTarget(target(6)).setDkey(key("d")).setMax(10).build();
    try (CartReply r = f.call(ObjRpc.AKEY_ENUMERATE, 0, akeys, null)) {
      ObjEnumReply rep = ObjEnumReply.parseFrom(r.bodyBytes());
      assertEquals(List.of("arr", "sv"), rep.getKeysList().stream().map(k -> k.toStringUtf8()).sorted().toList());
      assertTrue(rep.getEof());
    }
    ObjEnumReq recx = akeys.toBuilder().setAkey(key("arr")).build();
    try (CartReply r = f.call(ObjRpc.RECX_ENUMERATE, 0, recx, null)) {
      ObjEnumReply rep = ObjEnumReply.parseFrom(r.bodyBytes());
      assertEquals(1, rep.getRecxsCount());
      assertEquals(10, rep.getRecxs(0).getRecx().getIdx());
      assertEquals(5, rep.getRecxs(0).getRecx().getNr());
      assertEquals(4, rep.getRecxs(0).getRecordSize());
    }
    ObjQueryKeyReq q = ObjQueryKeyReq.newBuilder().setTarget(target(6)).setDkey(key("d")).setAkey(key("arr"))
        .setFlags(io.daos.engine.vos.KeyQuery.GET_MAX | io.daos.engine.vos.KeyQuery.GET_RECX).build();
    try (CartReply r = f.call(ObjRpc.QUERY_KEY, 0, q, null)) {
      assertEquals(0, r.status());
      ObjQueryKeyReply rep = ObjQueryKeyReply.parseFrom(r.bodyBytes());
      assertEquals(10, rep.getRecx().getIdx());
      assertEquals(5, rep.getRecx().getNr());
    }
  }

  @Test
  void unknownPoolIsNonexist() throws Exception {
    ObjRwReq req = ObjRwReq.newBuilder().setTarget(target(UUID.randomUUID(), 1)).setDkey(key("d"))
        .addIods(single("a", 0)).build();
    try (CartReply r = f.call(ObjRpc.FETCH, 0, req, null)) {
      assertEquals(DaosStatus.NONEXIST.code(), r.status());
      assertEquals(DaosStatus.NONEXIST.code(), ObjRwReply.parseFrom(r.bodyBytes()).getStatus());
      assertEquals(MAP_VERSION, r.mapVersion());
    }
  }

  @Test
  void emptyDkeyIsInval() throws Exception {
    assertEquals(DaosStatus.INVAL.code(), update(0, 1, "", single("a", 1), bytes("x")).getStatus());
  }

  @Test
  void bulkThatDoesNotMatchTheIodsIsInval() throws Exception {
    assertEquals(DaosStatus.INVAL.code(), update(0, 1, "d", single("a", 4), bytes("x")).getStatus());
    assertEquals(DaosStatus.INVAL.code(), update(0, 1, "d", single("a", 1), bytes("xy")).getStatus());
  }

  @Test
  void malformedBodyIsInval() {
    try (CartReply r = f.client.callSync(f.server.uri(), ObjRpc.UPDATE, 0, 1,
        io.netty.buffer.Unpooled.wrappedBuffer(new byte[] {(byte) 0xff, (byte) 0xff}), null,
        java.time.Duration.ofSeconds(10))) {
      assertEquals(DaosStatus.INVAL.code(), r.status());
    }
  }

  @Test
  void unknownTargetAndOpcodeAreTransportErrors() {
    ObjRwReq req = ObjRwReq.newBuilder().setTarget(target(1)).setDkey(key("d")).build();
    DaosException e = assertThrows(DaosException.class, () -> f.call(ObjRpc.FETCH, 9, req, null));
    assertEquals(DaosStatus.NONEXIST, e.status());
    e = assertThrows(DaosException.class, () -> f.call(DaosModule.OBJ.opcode(ObjRpc.OP_ENUMERATE), 0, req, null));
    assertEquals(DaosStatus.UNREG, e.status());
  }

  @Test
  void updatePastTheTargetShareIsNospace() throws Exception {
    f.close();
    f = new ObjRpcFixture(scm.resolve("small"), 1, new PoolTiers(256 << 10, 0));
    byte[] big = new byte[512 << 10];
    assertEquals(DaosStatus.NOSPACE.code(), update(0, 1, "d", array("a", 1, 0, big.length, true), big).getStatus());
    assertEquals(0, update(0, 1, "d", single("a", 1), bytes("x")).getStatus());
  }
}
