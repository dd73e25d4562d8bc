package io.daos.server.drpc;

import io.daos.proto.mgmt.ListPoolsReq;
import io.daos.proto.mgmt.ListPoolsResp;
import io.daos.server.sysdb.PoolService;
import io.daos.server.sysdb.PoolServiceState;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool records of a server without an MS replica: asked of the MS over gRPC (ListPools). DAOS's engines learn
 * a pool's service ranks from the pool service itself (pool IV) and DAOS's clients send pool lookups to MS ranks;
 * jdaos's engines ask their own daos_server for both, so a server that holds no MS replica relays the question.
 */
public final class MsPoolRecords implements PoolRecords {
  private static final Logger LOG = LoggerFactory.getLogger(MsPoolRecords.class);

  private final String sys;
  private final Function<ListPoolsReq, ListPoolsResp> listPools;

  /** {@code listPools} calls the MS leader's ListPools. */
  public MsPoolRecords(String sys, Function<ListPoolsReq, ListPoolsResp> listPools) {
    this.sys = sys;
    this.listPools = listPools;
  }

  @Override
  public Optional<PoolService> byUuid(UUID uuid) {
    return find(p -> p.getUuid().equalsIgnoreCase(uuid.toString()));
  }

  @Override
  public Optional<PoolService> byLabel(String label) {
    return find(p -> p.getLabel().equals(label));
  }

  private Optional<PoolService> find(Predicate<ListPoolsResp.Pool> match) {
    ListPoolsResp resp;
    try {
      resp = listPools.apply(ListPoolsReq.newBuilder().setSys(sys).build());
    } catch (RuntimeException e) {
      LOG.warn("cannot ask the MS for pool records: {}", e.getMessage());
      return Optional.empty();
    }
    return resp.getPoolsList().stream().filter(match).findFirst().map(MsPoolRecords::record);
  }

  private static PoolService record(ListPoolsResp.Pool p) {
    PoolServiceState state = Arrays.stream(PoolServiceState.values()).filter(s -> s.toString().equals(p.getState()))
        .findFirst().orElse(PoolServiceState.CREATING);
    return new PoolService(UUID.fromString(p.getUuid()), p.getLabel(), state, p.getSvcRepsList(), null, null);
  }
}
