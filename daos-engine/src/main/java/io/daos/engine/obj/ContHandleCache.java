package io.daos.engine.obj;

import com.google.protobuf.ByteString;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.rpc.ContRpc;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container handles this engine's object handlers have seen (DAOS keeps {@code ds_cont_hdl} per target, filled
 * through IV; jdaos asks the pool service once per handle with CONT_TGT_QUERY and caches the answer). An update or
 * punch needs CONT_CAPA_WRITE_DATA, a fetch, enumeration or key query CONT_CAPA_READ_DATA, else DER_NO_PERM; an
 * unknown handle is DER_NO_HDL once the service said so. Thread-safe: every target thread consults it.
 */
public final class ContHandleCache {
  private static final Logger LOG = LoggerFactory.getLogger(ContHandleCache.class);

  private record Key(UUID pool, UUID handle) {
  }

  private final HandleLookup lookup;
  private final Map<Key, ContHandle> known = new ConcurrentHashMap<>();
  private final Map<Key, CompletableFuture<ContHandle>> pending = new ConcurrentHashMap<>();

  private ContHandleCache(HandleLookup lookup) {
    this.lookup = lookup;
  }

  /** A cache that asks {@code lookup} about handles it has not seen. */
  public static ContHandleCache of(HandleLookup lookup) {
    return new ContHandleCache(lookup);
  }

  /** Thrown by {@link #check} when the handle must first be looked up ({@link #resolve}). */
  static final class Miss extends RuntimeException {
    final UUID pool;
    final UUID handle;

    Miss(UUID pool, UUID handle) {
      super("container handle " + handle + " not known yet", null, false, false);
      this.pool = pool;
      this.handle = handle;
    }
  }

  /**
   * Checks that handle {@code hdl} of container {@code cont} may do what {@code capa} allows: returns, or throws
   * DER_NO_HDL / DER_NO_PERM, or {@link Miss} when the service must be asked first.
   */
  void check(UUID pool, ByteString hdl, UUID cont, long capa) {
    if (hdl.isEmpty()) {
      throw new DaosException(DaosStatus.NO_HDL, "the request names no container handle (open the container)");
    }
    UUID h = Uuids.required(hdl, "container handle");
    ContHandle c = known.get(new Key(pool, h));
    if (c == null) {
      throw new Miss(pool, h);
    }
    if (!c.cont().equals(cont)) {
      throw new DaosException(DaosStatus.NO_HDL, "container handle " + h + " belongs to container " + c.cont()
          + ", not " + cont);
    }
    if ((c.capas() & capa) == 0) {
      throw new DaosException(DaosStatus.NO_PERM, "container handle " + h + " may not "
          + (capa == ContRpc.CAPA_WRITE_DATA ? "write" : "read") + " data (open the container "
          + (capa == ContRpc.CAPA_WRITE_DATA ? "read-write" : "with read access") + ")");
    }
  }

  /** The handle, from the cache or (once, however many ask at the same time) from the pool service. */
  CompletableFuture<ContHandle> resolve(UUID pool, UUID handle) {
    Key k = new Key(pool, handle);
    ContHandle c = known.get(k);
    if (c != null) {
      return CompletableFuture.completedFuture(c);
    }
    CompletableFuture<ContHandle> f = new CompletableFuture<>();
    CompletableFuture<ContHandle> prev = pending.putIfAbsent(k, f);
    if (prev != null) {
      return prev;
    }
    lookup.lookup(pool, handle).whenComplete((h, e) -> {
      if (e == null) {
        known.put(k, h);
        LOG.debug("pool {}: learnt container handle {} (container {}, capas {})", pool, handle, h.cont(), h.capas());
      }
      pending.remove(k, f);
      if (e == null) {
        f.complete(h);
      } else {
        f.completeExceptionally(e);
      }
    });
    return f;
  }

  /** Records a handle (the service told this engine about it another way). */
  public void put(UUID pool, ContHandle h) {
    known.put(new Key(pool, h.handle()), h);
  }

  /** Forgets one handle (closed or evicted). */
  public void evict(UUID pool, UUID handle) {
    known.remove(new Key(pool, handle));
  }

  /** Forgets every handle of container {@code cont} (destroyed); returns how many. */
  public int evictContainer(UUID pool, UUID cont) {
    int before = known.size();
    known.entrySet().removeIf(e -> e.getKey().pool().equals(pool) && e.getValue().cont().equals(cont));
    return before - known.size();
  }
}
