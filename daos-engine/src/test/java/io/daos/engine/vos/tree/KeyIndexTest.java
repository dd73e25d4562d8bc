package io.daos.engine.vos.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.lmdb.Cur;
import io.daos.engine.vos.store.Store;
import io.daos.engine.vos.store.VosOptions;
import io.daos.placement.object.DaosHash;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.Txn;

/** {@link KeyIndex}: long keys whose prefix and hash collide, and inline keys that spell a long key's index key. */
class KeyIndexTest {
  private static final byte[] CONT = new byte[16];
  private static final long PARENT = 7;
  /** Every long key hashes to the same value. */
  private static final KeyIndex COLLIDING = new KeyIndex(k -> 42);

  @TempDir
  Path dir;
  private Store store;

  @BeforeEach
  void open() throws Exception {
    store = new Store(dir, VosOptions.defaults().withMapSize(64L << 20));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void inTx(KeyIndex index, Consumer<Tx> op) {
    try (Txn<ByteBuffer> txn = store.write()) {
      Tx tx = new Tx(store, txn, CONT, index);
      op.accept(tx);
      tx.release();
      store.commit(txn);
    }
  }

  private int inline() {
    return KeyForm.maxInlineSize(store);
  }

  /** Long keys that share their first 476 bytes and differ after. */
  private byte[] longKey(int len, int tail) {
    byte[] k = new byte[len];
    Arrays.fill(k, (byte) 'a');
    k[len - 1] = (byte) tail;
    return k;
  }

  /** The whole keys of the children of PARENT, in index order. */
  private List<byte[]> children(Tx tx, byte tag) {
    List<byte[]> out = new ArrayList<>();
    byte[] prefix = Keys.withId(CONT, tag, PARENT);
    try (Cur c = tx.cursor()) {
      for (boolean ok = c.seek(prefix); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
        out.add(KeyIndex.keyOf(tag, Arrays.copyOfRange(c.key(), prefix.length, c.key().length), c.val()));
      }
    }
    return out;
  }

  @Test
  @DisplayName("long dkeys with the same prefix and hash get their own entries and ids")
  void collidingDkeys() {
    byte[][] keys = {longKey(inline() + 1, 1), longKey(inline() + 1, 2), longKey(4096, 3), longKey(1 << 20, 4)};
    long[] ids = new long[keys.length];
    inTx(COLLIDING, tx -> {
      for (int i = 0; i < keys.length; i++) {
        ids[i] = tx.ensureDkey(PARENT, keys[i]);
      }
    });
    inTx(COLLIDING, tx -> {
      for (int i = 0; i < keys.length; i++) {
        assertEquals(ids[i], tx.dkeyId(PARENT, keys[i]), "dkey " + i);
        assertEquals(ids[i], tx.ensureDkey(PARENT, keys[i]), "no second entry for dkey " + i);
      }
      assertEquals(Tx.NONE, tx.dkeyId(PARENT, longKey(inline() + 1, 9)));
      List<byte[]> listed = children(tx, Keys.DKEY);
      assertEquals(keys.length, listed.size());
      for (int i = 0; i < keys.length; i++) {
        assertArrayEquals(keys[i], listed.get(i), "listed in insert order (sequence numbers)");
      }
    });
    assertEquals(4, Arrays.stream(ids).distinct().count());
  }

  @Test
  @DisplayName("colliding long akeys keep their records; updating one record leaves the others and its key")
  void collidingAkeys() {
    byte[] a = longKey(1000, 1);
    byte[] b = longKey(1000, 2);
    inTx(COLLIDING, tx -> {
      tx.insertAkey(PARENT, a, new AkeyRecord(100, IodType.SINGLE, 0, 0));
      tx.insertAkey(PARENT, b, new AkeyRecord(200, IodType.ARRAY, 8, 1));
    });
    inTx(COLLIDING, tx -> tx.putAkey(tx.akeyEntry(PARENT, b), new AkeyRecord(200, IodType.ARRAY, 8, 64)));
    inTx(COLLIDING, tx -> {
      assertEquals(new AkeyRecord(100, IodType.SINGLE, 0, 0), tx.akey(PARENT, a));
      assertEquals(new AkeyRecord(200, IodType.ARRAY, 8, 64), tx.akey(PARENT, b));
      List<byte[]> listed = children(tx, Keys.AKEY);
      assertArrayEquals(a, listed.get(0));
      assertArrayEquals(b, listed.get(1));
    });
  }

  @Test
  @DisplayName("an inline key that spells a long key's index key takes the slot; the long key moves and stays found")
  void inlineKeySpellsLongKeysSlot() {
    byte[] lng = longKey(2000, 5);
    int prefix = inline() - KeyIndex.HASH_BYTES - KeyIndex.SEQ_BYTES;
    long hash = DaosHash.murmur64(lng, KeyIndex.SEED);
    byte[] squatter = Bytes.concat(Arrays.copyOf(lng, prefix), Bytes.ofLong(hash), new byte[2]);
    assertEquals(inline(), squatter.length);
    long[] ids = new long[2];
    inTx(KeyIndex.DEFAULT, tx -> ids[0] = tx.ensureDkey(PARENT, lng));
    inTx(KeyIndex.DEFAULT, tx -> {
      assertEquals(Tx.NONE, tx.dkeyId(PARENT, squatter), "the long key's entry is not the inline key's");
      ids[1] = tx.ensureDkey(PARENT, squatter);
    });
    assertNotEquals(ids[0], ids[1]);
    inTx(KeyIndex.DEFAULT, tx -> {
      assertEquals(ids[0], tx.dkeyId(PARENT, lng));
      assertEquals(ids[1], tx.dkeyId(PARENT, squatter));
      assertArrayEquals(Bytes.ofLong(ids[1]), tx.get(Keys.child(CONT, Keys.DKEY, PARENT, squatter)),
          "the inline key sits in its own slot");
      assertEquals(2, children(tx, Keys.DKEY).size());
    });
  }

  @Test
  @DisplayName("keys of up to 486 bytes keep their inline index key and 8-byte value (the on-disk form before)")
  void shortKeysKeepTheirForm() {
    byte[] k = longKey(inline(), 1);
    inTx(KeyIndex.DEFAULT, tx -> {
      long id = tx.ensureDkey(PARENT, k);
      assertArrayEquals(Bytes.ofLong(id), tx.get(Keys.child(CONT, Keys.DKEY, PARENT, k)));
      assertNull(tx.get(Keys.child(CONT, Keys.DKEY, PARENT, longKey(inline(), 2))));
    });
  }
}
