package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.CartLimits;
import io.daos.client.obj.Anchor;
import io.daos.client.obj.FetchedIod;
import io.daos.client.obj.Iod;
import io.daos.client.obj.KeyPage;
import io.daos.client.obj.Keys;
import io.daos.client.obj.Recx;
import io.daos.client.rpc.Futures;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.itest.TestLocks;
import io.daos.placement.Cond;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Keys from 1 byte to 1 MiB through libdaos (DAOS {@code daos_obj.c} io_var_dkey_size / io_var_akey_size), on
 * replicated objects so that the keys also travel leader to replica, and what the transport cannot carry: an 8 MiB
 * key and a 100 MiB value are refused alone while the calls around them succeed.
 */
@ResourceLock(TestLocks.IN_PROCESS)
class DaosObjKeySizeTest extends ClientTestBase {
  private static final int MAX_SIZE = 1 << 20;
  private static final byte[] DATA = Keys.utf8("data\0");

  private DaosObject obj() {
    return cont.openObject(oid(ObjectType.MULTI_HASHED, ObjectClass.RP_2G1));
  }

  /** DAOS's key of the loop at {@code size}: 'a' repeated; the loop before left a 'b' at its own size. */
  private static byte[] key(int size) {
    byte[] k = new byte[size];
    Arrays.fill(k, (byte) 'a');
    for (int s = 1; s < size; s <<= 2) {
      k[s] = 'b';
    }
    return k;
  }

  private static void insertSingle(DaosObject o, byte[] dkey, byte[] akey) {
    o.update(dkey, List.of(Iod.array(akey, DATA.length, List.of(new Recx(0, 1)), DATA)));
  }

  private static void lookupSingle(DaosObject o, byte[] dkey, byte[] akey) {
    FetchedIod got = o.fetch(dkey, List.of(Iod.arrayFetch(akey, DATA.length, List.of(new Recx(0, 1))))).get(0);
    assertEquals(DATA.length, got.size());
    assertArrayEquals(DATA, got.data());
  }

  @Test
  void io_var_akey_size() {
    DaosObject o = obj();
    byte[] dkey = Keys.utf8("var_akey_size_d");
    List<byte[]> akeys = new ArrayList<>();
    for (int size = 1; size <= MAX_SIZE; size <<= 2) {
      byte[] akey = key(size);
      insertSingle(o, dkey, akey);
      lookupSingle(o, dkey, akey);
      akeys.add(akey);
    }
    for (int max : new int[] {1, 3, 100}) {
      assertSameKeys(akeys, listAll(a -> o.listAkeys(dkey, a, max)));
    }
    o.punchAkeys(dkey, List.of(akeys.get(akeys.size() - 1)));
    assertEquals(akeys.size() - 1, listAll(a -> o.listAkeys(dkey, a, 2)).size());
  }

  @Test
  void io_var_dkey_size() {
    DaosObject o = obj();
    byte[] akey = Keys.utf8("var_dkey_size_a");
    List<byte[]> dkeys = new ArrayList<>();
    for (int size = 1; size <= MAX_SIZE; size <<= 2) {
      byte[] dkey = key(size);
      insertSingle(o, dkey, akey);
      lookupSingle(o, dkey, akey);
      dkeys.add(dkey);
    }
    for (int max : new int[] {1, 4, 256}) {
      assertSameKeys(dkeys, listAll(a -> o.listDkeys(a, max)));
    }
    assertSameKeys(dkeys, o.listAllDkeys());
    assertThrows(DaosException.class, () -> o.update(dkeys.get(dkeys.size() - 1),
        List.of(Iod.array(akey, DATA.length, List.of(new Recx(0, 1)), DATA)), Cond.DKEY_INSERT));
    o.punchDkeys(List.of(dkeys.get(dkeys.size() - 1)));
    assertEquals(dkeys.size() - 1, o.listAllDkeys().size());
  }

  @Test
  void eight_mib_key_and_hundred_mib_value_are_refused_alone() {
    DaosObject o = obj();
    byte[] bigKey = new byte[8 << 20];
    Arrays.fill(bigKey, (byte) 'k');
    byte[] bigValue = new byte[100 << 20];
    assertEquals(DaosStatus.KEY2BIG, refusal(o.updateAsync(bigKey, List.of(Iod.single(Keys.utf8("a"), DATA)), 0)));
    assertEquals(DaosStatus.KEY2BIG, refusal(o.updateAsync(Keys.utf8("d"), List.of(Iod.single(bigKey, DATA)), 0)));
    assertEquals(DaosStatus.REC2BIG, refusal(o.updateAsync(Keys.utf8("d"), List.of(Iod.single(Keys.utf8("a"),
        bigValue)), 0)));

    CartLimits roomy = new CartLimits(16 << 20, 128 << 20);
    try (DaosClient c = cluster.clientBuilder().cartLimits(roomy).build()) {
      DaosObject same = c.connectPool("pool1", io.daos.rpc.PoolRpc.PC_RW)
          .openContainer("cont1", io.daos.rpc.ContRpc.COO_RW).openObject(o.oid());
      List<CompletableFuture<Void>> puts = new ArrayList<>();
      List<CompletableFuture<Void>> refused = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        puts.add(same.updateAsync(Keys.utf8("put-" + i), List.of(Iod.single(Keys.utf8("a"), DATA)), 0));
        if (i % 25 == 0) {
          refused.add(same.updateAsync(bigKey, List.of(Iod.single(Keys.utf8("a"), DATA)), 0));
          refused.add(same.updateAsync(Keys.utf8("d"), List.of(Iod.single(Keys.utf8("a"), bigValue)), 0));
        }
      }
      for (int i = 0; i < refused.size(); i++) {
        assertEquals(i % 2 == 0 ? DaosStatus.KEY2BIG : DaosStatus.REC2BIG, refusal(refused.get(i)),
            "the engine answers the oversize request itself");
      }
      puts.forEach(Futures::join);
    }
    assertEquals(100, o.listAllDkeys().size());
  }

  private static DaosStatus refusal(CompletableFuture<?> f) {
    return assertThrows(DaosException.class, () -> Futures.join(f)).status();
  }

  private interface Pager {
    KeyPage page(Anchor a);
  }

  private static List<byte[]> listAll(Pager p) {
    List<byte[]> out = new ArrayList<>();
    for (Anchor a = Anchor.start(); !a.isEof(); ) {
      KeyPage page = p.page(a);
      out.addAll(page.keys());
      a = page.anchor();
    }
    return out;
  }

  private static void assertSameKeys(List<byte[]> want, List<byte[]> got) {
    assertEquals(want.size(), got.size(), "key count");
    for (byte[] w : want) {
      assertTrue(got.stream().anyMatch(g -> Arrays.equals(g, w)), "missing a key of " + w.length + " bytes");
    }
  }
}
