package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.client.obj.Anchor;
import io.daos.client.obj.KeyPage;
import io.daos.client.obj.Keys;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.itest.TestLocks;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS {@code src/tests/suite/daos_kv.c}, on real engines in this JVM. */
@ResourceLock(TestLocks.IN_PROCESS)
class DaosKvTest extends ClientTestBase {
  record Size(String name, int bytes) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Size> sizes() {
    return Stream.of(new Size("1 B", 1), new Size("100 B", 100), new Size("4 KiB", 4096),
        new Size("19456 B (inline limit)", 19456), new Size("64 KiB + 3", 65539), new Size("1 MiB", 1 << 20));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sizes")
  void simple_put_get(Size size) {
    DaosKv kv = cont.openKv(oid(ObjectType.KV_HASHED, ObjectClass.SX));
    byte[] value = random(size.bytes(), size.bytes());
    kv.put("key_" + size.bytes(), value);
    assertArrayEquals(value, kv.get("key_" + size.bytes()));
    assertEquals(size.bytes(), kv.size(Keys.utf8("key_" + size.bytes())));
  }

  @Test
  void simple_put_get_async() {
    DaosKv kv = cont.openKv(oid(ObjectType.KV_HASHED, ObjectClass.S2));
    List<CompletableFuture<Void>> puts = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      puts.add(kv.putAsync(Keys.utf8("key" + i), ("value" + i).getBytes(StandardCharsets.UTF_8)));
    }
    CompletableFuture.allOf(puts.toArray(new CompletableFuture<?>[0])).join();
    for (int i = 0; i < 64; i++) {
      assertEquals("value" + i, new String(kv.getAsync(Keys.utf8("key" + i)).join(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void getOfMissingKeyIsNull() {
    DaosKv kv = cont.openKv(oid(ObjectType.KV_HASHED, ObjectClass.S1));
    assertNull(kv.get("nope"));
    assertEquals(0, kv.size(Keys.utf8("nope")));
  }

  @Test
  void removeAndListKeys() {
    DaosKv kv = cont.openKv(oid(ObjectType.KV_HASHED, ObjectClass.SX));
    Set<String> want = new TreeSet<>();
    for (int i = 0; i < 40; i++) {
      kv.put("k" + i, new byte[] {(byte) i});
      want.add("k" + i);
    }
    kv.remove("k7");
    want.remove("k7");
    assertNull(kv.get("k7"));
    Set<String> got = new TreeSet<>();
    Anchor a = Anchor.start();
    while (!a.isEof()) {
      KeyPage p = kv.list(a, 5);
      p.keys().forEach(k -> got.add(new String(k, StandardCharsets.UTF_8)));
      a = p.anchor();
    }
    assertEquals(want, got);
  }

  @Test
  void openKvNeedsKvType() {
    DaosException e = assertThrows(DaosException.class,
        () -> cont.openKv(oid(ObjectType.MULTI_HASHED, ObjectClass.S1)));
    assertEquals(DaosStatus.INVAL, e.status());
  }

  /**
   * A failure names what failed (operation, key, object, container, pool), carries the engine's reason (a lexical
   * key over the 486 bytes VOS keeps inline) and, from the blocking call, the caller's stack over the I/O thread's.
   */
  @Test
  void errorNamesKeyObjectContainerPoolAndEngineReason() {
    DaosKv kv = cont.openKv(oid(ObjectType.KV_LEXICAL, ObjectClass.S1));
    String key = "k".repeat(600);
    DaosException e = assertThrows(DaosException.class, () -> kv.put(key, new byte[] {1}));
    assertEquals(DaosStatus.KEY2BIG, e.status());
    String m = e.getMessage();
    assertTrue(m.startsWith("update of dkey \"" + "k".repeat(48) + "...\" (600 bytes) akey \"0\" in object "
        + kv.object().oid() + " of container cont1 in pool pool1: DAOS_OBJ_RPC_UPDATE to shard 0 (rank "), m);
    assertTrue(m.contains("): dkey of 600 bytes exceeds the 486"), m);
    assertTrue(m.endsWith(": " + DaosStatus.KEY2BIG), m);
    assertEquals(getClass().getName(), callerFrame(e), "the blocking call's exception has the caller's stack");
    assertTrue(e.getCause() instanceof DaosException, "the I/O thread's failure is the cause");
  }

  private static String callerFrame(Throwable e) {
    return Stream.of(e.getStackTrace()).map(StackTraceElement::getClassName)
        .filter(c -> !c.startsWith("io.daos.") || c.endsWith("Test")).findFirst().orElse("");
  }
}
