package io.daos.tool.api;

import io.daos.client.DaosPool;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.client.cont.ContainerProps;
import io.daos.client.pool.ContainerSummary;
import io.daos.client.pool.PoolInfo;
import io.daos.placement.Target;
import io.daos.placement.TargetState;
import io.daos.tool.output.Labels;
import io.daos.tool.output.pool.PoolQueryInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link PoolApi} over a libdaos pool handle. */
final class LibdaosPool implements PoolApi {
  private static final Logger LOG = LoggerFactory.getLogger(LibdaosPool.class);

  private final DaosPool pool;
  private final String givenId;

  LibdaosPool(DaosPool pool, String givenId) {
    this.pool = pool;
    this.givenId = givenId;
  }

  @Override
  public UUID uuid() {
    return pool.uuid();
  }

  @Override
  public String id() {
    if (!pool.label().isEmpty()) {
      return pool.label();
    }
    return Labels.isUuid(givenId) ? pool.uuid().toString() : givenId;
  }

  @Override
  public PoolQueryInfo query(boolean enabledRanks) {
    PoolInfo pi = pool.query();
    List<Target> tgts = pool.poolMap().targets();
    Map<Integer, List<Target>> byRank = tgts.stream().collect(Collectors.groupingBy(Target::rank));
    List<Integer> down = byRank.entrySet().stream().filter(e -> e.getValue().stream().allMatch(LibdaosPool::isDown))
        .map(Map.Entry::getKey).sorted().toList();
    List<Integer> up = byRank.keySet().stream().filter(r -> !down.contains(r)).sorted().toList();
    List<PoolQueryInfo.Tier> tiers = pi.tiers().stream()
        .map(t -> new PoolQueryInfo.Tier(t.total(), t.free(), 0, 0, 0)).toList();
    return new PoolQueryInfo(pi.uuid(), pi.label(), pi.targets(), pi.targets() - pi.disabledTargets(),
        pi.ranks().size(), pi.disabledTargets(), pi.mapVersion(), pi.leader(), pi.serviceReplicas(), null, tiers,
        enabledRanks ? up : null, down);
  }

  private static boolean isDown(Target t) {
    return t.state() == TargetState.DOWN || t.state() == TargetState.DOWNOUT;
  }

  @Override
  public List<ContainerSummary> listContainers() {
    return pool.listContainers();
  }

  @Override
  public UUID createContainer(ContainerProps props) {
    return pool.createContainer(props);
  }

  @Override
  public UUID createPosixContainer(ContainerProps props, io.daos.client.dfs.DfsAttr attr) {
    return io.daos.client.dfs.Dfs.createContainer(pool, props, attr, java.time.Clock.systemUTC());
  }

  @Override
  public ContApi openContainer(String contId, int flags) {
    return new LibdaosCont(pool.uuid(), pool.openContainer(contId, flags), contId);
  }

  @Override
  public void destroyContainer(String contId, boolean force) {
    pool.destroyContainer(contId, force);
  }

  @Override
  public List<String> listAttributes() {
    return pool.listAttributes();
  }

  @Override
  public Map<String, byte[]> getAttributes(List<String> names) {
    List<String> want = names.isEmpty() ? pool.listAttributes() : names;
    return checked(want, want.isEmpty() ? Map.of() : pool.getAttributes(want));
  }

  static Map<String, byte[]> checked(List<String> want, Map<String, byte[]> got) {
    for (String n : want) {
      if (!got.containsKey(n)) {
        throw new DaosException(DaosStatus.NONEXIST, "attribute \"" + n + "\"");
      }
    }
    return got;
  }

  @Override
  public void setAttributes(Map<String, byte[]> attrs) {
    pool.setAttributes(attrs);
  }

  @Override
  public void deleteAttributes(List<String> names) {
    pool.deleteAttributes(names);
  }

  @Override
  public void close() {
    try {
      pool.disconnect();
    } catch (RuntimeException e) {
      LOG.warn("pool disconnect failed: {}", e.toString());
    }
  }
}
