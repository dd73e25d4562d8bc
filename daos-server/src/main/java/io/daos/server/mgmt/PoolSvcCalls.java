package io.daos.server.mgmt;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.daos.common.DaosException;
import io.daos.common.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.server.sysdb.PoolService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call to a pool's service (DAOS {@code makePoolServiceCall}): the dRPC goes to the engine of a service replica
 * rank from the MS pool record; a replica that is not the leader (DER_NOTLEADER), an engine without the replica
 * (DER_NOTREPLICA) or one this server cannot reach is skipped for the next replica. If none answers, the last
 * status is returned (or the last failure thrown).
 */
final class PoolSvcCalls {
  private static final Logger LOG = LoggerFactory.getLogger(PoolSvcCalls.class);

  /** Parses an engine's answer. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(byte[] b) throws InvalidProtocolBufferException;
  }

  private PoolSvcCalls() {
  }

  static <T> T call(PoolEngines eng, PoolService ps, DrpcMethod method, MessageLite req, Parser<T> parser,
      ToIntFunction<T> status) {
    List<Integer> replicas = ps.replicas();
    if (replicas.isEmpty()) {
      throw new DaosException(DaosStatus.NO_SERVICE, "pool " + ps.poolUuid() + " has no service replicas");
    }
    T last = null;
    RuntimeException failure = null;
    for (int rank : replicas) {
      try {
        T resp = parser.parse(eng.callDrpc(rank, method, req.toByteArray()));
        int st = status.applyAsInt(resp);
        if (st != DaosStatus.NOTLEADER.code() && st != DaosStatus.NOTREPLICA.code()) {
          return resp;
        }
        LOG.debug("pool {}: {} on rank {} answered {}; trying the next replica", ps.poolUuid(), method, rank, st);
        last = resp;
      } catch (IOException | RuntimeException e) {
        LOG.warn("pool {}: {} to rank {} failed: {}", ps.poolUuid(), method, rank, e.getMessage());
        failure = e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
      }
    }
    if (last != null) {
      return last;
    }
    throw failure;
  }
}
