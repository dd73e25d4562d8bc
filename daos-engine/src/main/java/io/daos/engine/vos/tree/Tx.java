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
  /** Reused for point seeks (ilog lookups); iterations open their own cursors. */
  private Cur seeker;
  private boolean ownSeeker;
  /** Memo of {@link #latest} answers (an op asks about the same ancestors several times); cleared on log writes. */
  private final long[] memo = new long[4 * MEMO];
  private int memoSize;

  public Tx(Store store, Txn<ByteBuffer> txn, byte[] cont) {
    this.store = store;
    this.txn = txn;
    this.cont = cont;
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
    byte[] prefix = Keys.withId(cont, tag, id);
    Cur c = seek(Keys.versioned(cont, tag, id, epoch));
    if (c != null && Bytes.startsWith(c.key(), prefix)) {
      return Keys.versionEpoch(c.key());
    }
    return NONE;
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
    return objId == NONE ? NONE : id(Keys.child(cont, Keys.DKEY, objId, dkey));
  }

  public AkeyRecord akey(long dkeyId, byte[] akey) {
    if (dkeyId == NONE) {
      return null;
    }
    byte[] v = get(Keys.child(cont, Keys.AKEY, dkeyId, akey));
    return v == null ? null : AkeyRecord.decode(v);
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
}
