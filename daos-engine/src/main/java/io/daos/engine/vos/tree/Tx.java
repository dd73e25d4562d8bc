package io.daos.engine.vos.tree;

import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.lmdb.Cur;
import io.daos.engine.vos.store.Store;
import java.nio.ByteBuffer;
import org.lmdbjava.Txn;

/** One LMDB transaction on one container's key range, with the incarnation log queries every op needs. */
public final class Tx {
  public static final long NONE = -1;
  private static final int MEMO = 8;

  public final Store store;
  public final Txn<ByteBuffer> txn;
  public final byte[] cont;
  /** Where dkey and akey entries are, short or long (see {@link KeyIndex}). */
  private final KeyIndex keys;
  /** Reused for point seeks (ilog lookups); iterations open their own cursors. */
  private Cur seeker;
  private boolean ownSeeker;
  /** Memo of {@link #latest} answers (an op asks about the same ancestors several times); cleared on log writes. */
  private final long[] memo = new long[4 * MEMO];
  private int memoSize;
  /** Whether the container may hold punch records (null: not asked yet); see {@link #mayHavePunches}. */
  private Boolean punches;

  public Tx(Store store, Txn<ByteBuffer> txn, byte[] cont) {
    this(store, txn, cont, KeyIndex.DEFAULT);
  }

  Tx(Store store, Txn<ByteBuffer> txn, byte[] cont, KeyIndex keys) {
    this.store = store;
    this.txn = txn;
    this.cont = cont;
    this.keys = keys;
  }

  /** Closes the point-seek cursor if this Tx opened its own; call before the transaction ends. */
  public void release() {
    if (seeker != null && ownSeeker) {
      seeker.close();
    }
    seeker = null;
  }

  public byte[] get(byte[] key) {
    return store.index.get(txn, key);
  }

  public void put(byte[] key, byte[] val) {
    store.index.put(txn, key, val);
  }

  /** {@link Db#putIfAbsent}: false, writing nothing, if {@code key} exists. */
  public boolean putIfAbsent(byte[] key, byte[] val) {
    return store.index.putIfAbsent(txn, key, val);
  }

  public boolean delete(byte[] key) {
    return store.index.delete(txn, key);
  }

  /** Removes the incarnation log records (create and punch) of entity {@code id} at exactly {@code epoch}. */
  public void discardLog(long id, long epoch) {
    memoSize = 0;
    delete(Keys.versioned(cont, Keys.CREATE, id, epoch));
    delete(Keys.versioned(cont, Keys.PUNCH, id, epoch));
  }

  public Cur cursor() {
    return store.index.openCursor(txn);
  }

  /** Positions the reused point-seek cursor at the first key at or after {@code key}; null if there is none. */
  public Cur seek(byte[] key) {
    if (seeker == null) {
      seeker = store.seeker(txn);
      ownSeeker = seeker == null;
      seeker = ownSeeker ? cursor() : seeker;
    }
    return seeker.seek(key) ? seeker : null;
  }

  /** Epoch of the newest {@code tag} record of entity {@code id} at or below {@code epoch}, or {@link #NONE}. */
  long latest(byte tag, long id, long epoch) {
    for (int i = 0; i < memoSize; i += 4) {
      if (memo[i] == tag && memo[i + 1] == id && memo[i + 2] == epoch) {
        return memo[i + 3];
      }
    }
    long found = seekLatest(tag, id, epoch);
    if (memoSize < memo.length) {
      memo[memoSize] = tag;
      memo[memoSize + 1] = id;
      memo[memoSize + 2] = epoch;
      memo[memoSize + 3] = found;
      memoSize += 4;
    }
    return found;
  }

  private long seekLatest(byte tag, long id, long epoch) {
    if (tag == Keys.PUNCH && !mayHavePunches()) {
      return NONE;
    }
    byte[] prefix = Keys.withId(cont, tag, id);
    Cur c = seek(Keys.versioned(cont, tag, id, epoch));
    if (c != null && Bytes.startsWith(c.key(), prefix)) {
      return Keys.versionEpoch(c.key());
    }
    return NONE;
  }

  /**
   * Whether the container may hold a punch record. Most containers are never punched: their updates and fetches then
   * skip the punch lookups of every entity and its ancestors (three seeks per update of an akey). Asked once per
   * container and store (one seek for any punch key), kept by the store, set by {@link #logPunch}.
   */
  private boolean mayHavePunches() {
    if (punches == null) {
      Boolean known = store.punchState(cont);
      if (known == null) {
        byte[] head = Keys.head(cont, Keys.PUNCH);
        Cur c = seek(head);
        known = c != null && Bytes.startsWith(c.key(), head);
        store.punchState(cont, known);
      }
      punches = known;
    }
    return punches;
  }

  /** The newest punch at or below {@code epoch} on any of {@code ids} (an entity and its ancestors). */
  public long punchFloor(long epoch, long... ids) {
    long floor = NONE;
    for (long id : ids) {
      floor = Math.max(floor, latest(Keys.PUNCH, id, epoch));
    }
    return floor;
  }

  /** Entity {@code ids[last]} exists at {@code epoch}: created after every punch of it and its ancestors. */
  public boolean visible(long epoch, long... ids) {
    long created = latest(Keys.CREATE, ids[ids.length - 1], epoch);
    return created != NONE && created > punchFloor(epoch, ids);
  }

  public void logCreate(long id, long epoch) {
    memoSize = 0;
    put(Keys.versioned(cont, Keys.CREATE, id, epoch), new byte[0]);
  }

  public void logPunch(long id, long epoch) {
    memoSize = 0;
    punches = true;
    store.punchState(cont, true);
    put(Keys.versioned(cont, Keys.PUNCH, id, epoch), new byte[0]);
  }

  /** Id stored under an entity key, or {@link #NONE}. */
  long id(byte[] key) {
    byte[] v = get(key);
    return v == null ? NONE : Bytes.getLong(v, 0);
  }

  public long objId(VosObjectId oid) {
    return id(Keys.obj(cont, oid));
  }

  public long dkeyId(long objId, byte[] dkey) {
    KeyIndex.Entry e = objId == NONE ? null : keys.find(this, Keys.DKEY, objId, dkey);
    return e == null ? NONE : e.id();
  }

  public AkeyRecord akey(long dkeyId, byte[] akey) {
    KeyIndex.Entry e = akeyEntry(dkeyId, akey);
    return e == null ? null : AkeyRecord.decode(e.value());
  }

  /** The index entry of {@code akey} under dkey {@code dkeyId}, or null. */
  public KeyIndex.Entry akeyEntry(long dkeyId, byte[] akey) {
    return dkeyId == NONE ? null : keys.find(this, Keys.AKEY, dkeyId, akey);
  }

  /** The id under {@code key}, creating the entry with a fresh id if absent. */
  public long ensureId(byte[] key) {
    long id = id(key);
    if (id == NONE) {
      id = store.nextId(txn);
      put(key, Bytes.ofLong(id));
    }
    return id;
  }

  /** The id of {@code dkey} under object {@code objId}, creating its entry with a fresh id if absent. */
  public long ensureDkey(long objId, byte[] dkey) {
    long id = dkeyId(objId, dkey);
    if (id == NONE) {
      id = store.nextId(txn);
      keys.insert(this, Keys.DKEY, objId, dkey, Bytes.ofLong(id));
    }
    return id;
  }

  /** Adds the entry of {@code akey} (absent) under dkey {@code dkeyId} with record {@code rec}. */
  public KeyIndex.Entry insertAkey(long dkeyId, byte[] akey, AkeyRecord rec) {
    return keys.insert(this, Keys.AKEY, dkeyId, akey, rec.encode());
  }

  /** Replaces the record of akey entry {@code e}. */
  public KeyIndex.Entry putAkey(KeyIndex.Entry e, AkeyRecord rec) {
    return KeyIndex.putHead(this, e, rec.encode());
  }
}
