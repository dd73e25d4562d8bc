package io.daos.agent.mgmt;

import io.daos.control.ControlClient;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.PoolEvictReq;
import io.daos.proto.mgmt.SystemCleanupReq;
import java.time.Duration;
import java.util.Collection;

/** What the process monitor asks of the MS: evict leaked pool handles, or all of this machine's. */
public interface PoolEvicter {
  /** PoolEvict{id=pool, handles}. */
  void evict(String pool, Collection<String> handles);

  /** SystemCleanup{machine} (enable_evict_on_start). */
  void cleanupMachine(String machine);

  /** Through the MS with {@code client}. */
  static PoolEvicter ms(ControlClient client, Duration timeout) {
    return new PoolEvicter() {
      @Override
      public void evict(String pool, Collection<String> handles) {
        client.invokeMs(MgmtSvcGrpc.getPoolEvictMethod(),
            PoolEvictReq.newBuilder().setId(pool).addAllHandles(handles).build(), timeout);
      }

      @Override
      public void cleanupMachine(String machine) {
        client.invokeMs(MgmtSvcGrpc.getSystemCleanupMethod(),
            SystemCleanupReq.newBuilder().setMachine(machine).build(), timeout);
      }
    };
  }
}
