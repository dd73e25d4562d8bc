package io.daos.server.mgmt.pool;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcStatusException;
import io.daos.proto.drpc.Status;
import io.daos.server.mgmt.svc.PoolEngines;
import io.daos.server.sysdb.PoolService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A call to a pool's service (DAOS {@code makePoolServiceCall}): the dRPC, carrying the service replica ranks of the
 * MS pool record, goes to one local engine (one hosting a replica when there is one); that engine answers from its
 * replica when it is the leader and otherwise forwards the request to the leader over the fabric.
 */
final class PoolSvcCalls {
  /** Parses an engine's answer. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(byte[] b) throws InvalidProtocolBufferException;
  }

  private PoolSvcCalls() {
  }

  static <T> T call(PoolEngines eng, PoolService ps, DrpcMethod method, MessageLite req, Parser<T> parser) {
    List<Integer> replicas = ps.replicas();
    if (replicas.isEmpty()) {
      throw new DaosException(DaosStatus.NO_SERVICE, "pool " + ps.poolUuid() + " has no service replicas");
    }
    try {
      return parser.parse(eng.callDrpc(replicas, method, req.toByteArray()));
    } catch (DrpcStatusException e) {
      if (e.status() == Status.UNKNOWN_METHOD || e.status() == Status.UNKNOWN_MODULE) {
        throw new DaosException(DaosStatus.NOTSUPPORTED, "the engine does not implement dRPC " + method
            + " (it answered " + e.status() + "); this operation needs an engine that supports it", e);
      }
      throw new UncheckedIOException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
