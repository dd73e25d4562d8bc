package io.daos.tool;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.tool.api.ContApi;
import io.daos.tool.api.DaosApi;
import io.daos.tool.api.PoolApi;
import io.daos.tool.output.cont.ContQueryInfo;
import io.daos.tool.output.pool.PoolQueryInfo;
import io.daos.client.cont.ContainerAcl;
import io.daos.client.cont.ContainerProps;
import io.daos.client.cont.PropType;
import io.daos.common.acl.Acl;
import io.daos.common.acl.AclPrincipal;
import io.daos.client.cont.Snapshot;
import io.daos.client.pool.ContainerSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A hand-written {@link DaosApi}: one pool with scripted query info, containers with properties, attributes and
 * snapshots kept in memory; {@code connectErr} / {@code openErr} make connect or open fail; {@code calls} records
 * every call as "op(args)".
 */
final class FakeDaosApi implements DaosApi {
  final List<String> calls = new ArrayList<>();
  final UUID poolUuid = UUID.fromString("00000001-0001-0001-0001-000000000001");
  String poolLabel = "test-pool";
  PoolQueryInfo poolInfo;
  RuntimeException connectErr;
  RuntimeException openErr;
  RuntimeException opErr;
  final Map<String, byte[]> poolAttrs = new TreeMap<>();
  final Map<UUID, Cont> conts = new LinkedHashMap<>();
  long nextEpoch = 0x1b0a2c3d4e000000L;
  UUID nextUuid = UUID.fromString("22222222-2222-2222-2222-222222222222");
  boolean closed;

  /** A container of the fake pool. */
  static final class Cont {
    final UUID uuid;
    ContainerProps props;
    final Map<String, byte[]> attrs = new TreeMap<>();
    final List<Snapshot> snaps = new ArrayList<>();
    int handles;
    Acl acl = Acl.of(List.of("A::OWNER@:rwdtTaAo", "A:G:GROUP@:rwtT"));

    Cont(UUID uuid, ContainerProps props) {
      this.uuid = uuid;
      this.props = props;
    }
  }

  Cont addCont(String uuid, String label, int layout) {
    ContainerProps p = ContainerProps.empty().withLabel(label).withLayoutType(layout);
    Cont c = new Cont(UUID.fromString(uuid), p);
    conts.put(c.uuid, c);
    return c;
  }

  @Override
  public PoolApi connectPool(String poolId, int flags) {
    calls.add("connectPool(" + poolId + "," + flags + ")");
    if (connectErr != null) {
      throw connectErr;
    }
    if (!poolId.equals(poolLabel) && !poolId.equals(poolUuid.toString())) {
      throw new DaosException(DaosStatus.NONEXIST, "pool " + poolId);
    }
    return new Pool();
  }

  @Override
  public void close() {
    closed = true;
  }

  private void failIfScripted() {
    if (opErr != null) {
      throw opErr;
    }
  }

  private Cont find(String id) {
    for (Cont c : conts.values()) {
      if (c.uuid.toString().equals(id) || c.props.label().equals(id)) {
        return c;
      }
    }
    throw new DaosException(DaosStatus.NONEXIST, "container " + id);
  }

  static Map<String, byte[]> get(Map<String, byte[]> attrs, List<String> names) {
    Map<String, byte[]> out = new TreeMap<>();
    for (String n : names.isEmpty() ? List.copyOf(attrs.keySet()) : names) {
      if (!attrs.containsKey(n)) {
        throw new DaosException(DaosStatus.NONEXIST, "attribute " + n);
      }
      out.put(n, attrs.get(n));
    }
    return out;
  }

  private final class Pool implements PoolApi {
    @Override
    public UUID uuid() {
      return poolUuid;
    }

    @Override
    public String id() {
      return poolLabel;
    }

    @Override
    public PoolQueryInfo query(boolean enabledRanks) {
      calls.add("query(" + enabledRanks + ")");
      failIfScripted();
      return poolInfo;
    }

    @Override
    public List<ContainerSummary> listContainers() {
      failIfScripted();
      return conts.values().stream().map(c -> new ContainerSummary(c.uuid, c.props.label())).toList();
    }

    @Override
    public UUID createContainer(ContainerProps props) {
      calls.add("createContainer(" + props + ")");
      failIfScripted();
      Cont c = new Cont(nextUuid, props);
      conts.put(c.uuid, c);
      return c.uuid;
    }

    @Override
    public ContApi openContainer(String contId, int flags) {
      calls.add("openContainer(" + contId + "," + flags + ")");
      if (openErr != null) {
        throw openErr;
      }
      return new ContHandle(find(contId), contId);
    }

    @Override
    public void destroyContainer(String contId, boolean force) {
      calls.add("destroyContainer(" + contId + "," + force + ")");
      failIfScripted();
      conts.remove(find(contId).uuid);
    }

    @Override
    public List<String> listAttributes() {
      failIfScripted();
      return List.copyOf(poolAttrs.keySet());
    }

    @Override
    public Map<String, byte[]> getAttributes(List<String> names) {
      failIfScripted();
      return get(poolAttrs, names);
    }

    @Override
    public void setAttributes(Map<String, byte[]> attrs) {
      failIfScripted();
      poolAttrs.putAll(attrs);
    }

    @Override
    public void deleteAttributes(List<String> names) {
      failIfScripted();
      names.forEach(poolAttrs::remove);
    }

    @Override
    public void close() {
      calls.add("disconnect");
    }
  }

  private final class ContHandle implements ContApi {
    private final Cont c;
    private final String givenId;

    ContHandle(Cont c, String givenId) {
      this.c = c;
      this.givenId = givenId;
      c.handles++;
    }

    @Override
    public String id() {
      return givenId;
    }

    @Override
    public ContQueryInfo query() {
      failIfScripted();
      long latest = c.snaps.isEmpty() ? 0 : c.snaps.get(c.snaps.size() - 1).epoch();
      return new ContQueryInfo(poolUuid, c.uuid, c.props.label(), latest, c.handles, c.snaps.size(), 0, 0, c.props);
    }

    @Override
    public void setProps(ContainerProps props) {
      calls.add("setProps(" + props + ")");
      failIfScripted();
      ContainerProps p = c.props;
      for (int t = 0x1001; t < 0x101B; t++) {
        String s = props.string(t);
        long n = props.number(t, Long.MIN_VALUE);
        p = s != null ? p.withString(t, s) : n != Long.MIN_VALUE ? p.withNumber(t, n) : p;
      }
      c.props = p;
    }

    @Override
    public long createSnapshot(String name) {
      failIfScripted();
      long e = nextEpoch;
      nextEpoch += 0x100000;
      c.snaps.add(new Snapshot(e, name));
      return e;
    }

    @Override
    public List<Snapshot> listSnapshots() {
      failIfScripted();
      return List.copyOf(c.snaps);
    }

    @Override
    public void destroySnapshot(long epoch) {
      calls.add("destroySnapshot(0x" + Long.toHexString(epoch) + ")");
      failIfScripted();
      if (!c.snaps.removeIf(s -> s.epoch() == epoch)) {
        throw new DaosException(DaosStatus.NONEXIST, "snapshot");
      }
    }

    @Override
    public List<String> listAttributes() {
      failIfScripted();
      return List.copyOf(c.attrs.keySet());
    }

    @Override
    public Map<String, byte[]> getAttributes(List<String> names) {
      failIfScripted();
      return get(c.attrs, names);
    }

    @Override
    public void setAttributes(Map<String, byte[]> attrs) {
      failIfScripted();
      c.attrs.putAll(attrs);
    }

    @Override
    public void deleteAttributes(List<String> names) {
      failIfScripted();
      names.forEach(c.attrs::remove);
    }

    @Override
    public ContainerAcl getAcl() {
      failIfScripted();
      return new ContainerAcl(c.acl.strings(), c.props.string(PropType.CO_OWNER),
          c.props.string(PropType.CO_OWNER_GROUP));
    }

    @Override
    public void overwriteAcl(List<String> aces) {
      failIfScripted();
      c.acl = Acl.of(aces);
    }

    @Override
    public void updateAcl(List<String> aces) {
      failIfScripted();
      c.acl = c.acl.merge(Acl.of(aces));
    }

    @Override
    public void deleteAcl(String principal) {
      failIfScripted();
      c.acl = c.acl.without(AclPrincipal.parse(principal));
    }

    @Override
    public void setOwner(String user, String group) {
      calls.add("setOwner(" + user + ", " + group + ")");
      failIfScripted();
    }

    @Override
    public int layoutType() {
      return c.props.layoutType();
    }

    @Override
    public void close() {
      c.handles--;
      calls.add("close");
    }
  }
}
