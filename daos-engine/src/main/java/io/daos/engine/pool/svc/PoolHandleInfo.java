package io.daos.engine.pool.svc;

import java.util.List;
import java.util.UUID;

/**
 * A connected pool handle as the pool service recorded it: its UUID, connect flags (DAOS_PC_*), granted pool
 * capabilities, and the identity of the process that connected (from its validated AUTH_SYS credential), which
 * container ACL checks use.
 */
public record PoolHandleInfo(UUID handle, long flags, long capas, String user, String group, List<String> groups,
    String machine) {
  public PoolHandleInfo {
    groups = List.copyOf(groups);
  }
}
