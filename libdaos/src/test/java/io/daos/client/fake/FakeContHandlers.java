package io.daos.client.fake;

import com.google.protobuf.ByteString;
import io.daos.cart.CartServer;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.proto.cont.ContAttrReply;
import io.daos.proto.cont.ContAttrReq;
import io.daos.proto.cont.ContCloseReq;
import io.daos.proto.cont.ContCreateReply;
import io.daos.proto.cont.ContCreateReq;
import io.daos.proto.cont.ContDestroyReq;
import io.daos.proto.cont.ContInfo;
import io.daos.proto.cont.ContOidAllocReply;
import io.daos.proto.cont.ContOidAllocReq;
import io.daos.proto.cont.ContOp;
import io.daos.proto.cont.ContOpenReply;
import io.daos.proto.cont.ContOpenReq;
import io.daos.proto.cont.ContPropSetReq;
import io.daos.proto.cont.ContQueryReply;
import io.daos.proto.cont.ContQueryReq;
import io.daos.proto.cont.ContReply;
import io.daos.proto.cont.ContSnapReply;
import io.daos.proto.cont.ContSnapReq;
import io.daos.proto.cont.Snapshot;
import io.daos.proto.pool.Prop;
import io.daos.rpc.ContRpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The container RPCs of the fake pool service: just enough state to exercise the client. */
final class FakeContHandlers {
  /** One container's metadata. */
  static final class Cont {
    final UUID uuid;
    final String label;
    final Map<Integer, Prop> props = new TreeMap<>();
    final Map<String, ByteString> attrs = new TreeMap<>();
    final List<Snapshot> snaps = new ArrayList<>();
    long nextOid = 1;
    int handles;

    Cont(UUID uuid, String label) {
      this.uuid = uuid;
      this.label = label;
    }
  }

  private final FakePoolService svc;

  FakeContHandlers(FakePoolService svc) {
    this.svc = svc;
  }

  void registerOn(CartServer s, int rank) {
    svc.serve(s, rank, ContRpc.CREATE, req -> create(ContCreateReq.parseFrom(req.body().nioBuffer())));
    svc.serve(s, rank, ContRpc.OPEN, req -> open(ContOpenReq.parseFrom(req.body().nioBuffer())));
    svc.serve(s, rank, ContRpc.OPEN_BYLABEL, req -> open(ContOpenReq.parseFrom(req.body().nioBuffer())));
    svc.serve(s, rank, ContRpc.DESTROY, req -> destroy(ContDestroyReq.parseFrom(req.body().nioBuffer())));
    svc.serve(s, rank, ContRpc.DESTROY_BYLABEL, req -> destroy(ContDestroyReq.parseFrom(req.body().nioBuffer())));
    svc.serve(s, rank, ContRpc.CLOSE, req -> {
      ContOp op = ContCloseReq.parseFrom(req.body().nioBuffer()).getOp();
      Cont c = opened(op);
      svc.contHandles.remove(op.getContHdl());
      c.handles--;
      return reply();
    });
    svc.serve(s, rank, ContRpc.QUERY, req -> {
      Cont c = opened(ContQueryReq.parseFrom(req.body().nioBuffer()).getOp());
      return ContQueryReply.newBuilder().setOp(svc.ok()).setInfo(info(c)).addAllProps(c.props.values()).build();
    });
    svc.serve(s, rank, ContRpc.PROP_SET, req -> {
      ContPropSetReq r = ContPropSetReq.parseFrom(req.body().nioBuffer());
      Cont c = opened(r.getOp());
      r.getPropsList().forEach(p -> c.props.put(p.getType(), p));
      return reply();
    });
    svc.serve(s, rank, ContRpc.OID_ALLOC, req -> {
      ContOidAllocReq r = ContOidAllocReq.parseFrom(req.body().nioBuffer());
      Cont c = opened(r.getOp());
      long lo = c.nextOid;
      c.nextOid += r.getNumOids();
      return ContOidAllocReply.newBuilder().setOp(svc.ok()).setOidLo(lo).build();
    });
    attrs(s, rank);
    snaps(s, rank);
  }

  private ContReply reply() {
    return ContReply.newBuilder().setOp(svc.ok()).build();
  }

  private ContCreateReply create(ContCreateReq r) {
    UUID u = Uuids.fromByteString(r.getOp().getContUuid());
    String label = r.getOp().getContLabel();
    if (svc.conts.containsKey(u) || (!label.isEmpty() && byLabel(label) != null)) {
      throw new DaosException(DaosStatus.EXIST, "container exists");
    }
    Cont c = new Cont(u, label);
    c.props.put(0x1007, Prop.newBuilder().setType(0x1007).setNum(0).build());
    r.getPropsList().forEach(p -> c.props.put(p.getType(), p));
    svc.conts.put(u, c);
    return ContCreateReply.newBuilder().setOp(svc.ok()).setContUuid(r.getOp().getContUuid()).build();
  }

  private ContOpenReply open(ContOpenReq r) {
    Cont c = find(r.getOp());
    svc.contHandles.add(r.getOp().getContHdl());
    c.handles++;
    return ContOpenReply.newBuilder().setOp(svc.ok()).setInfo(info(c)).addAllProps(c.props.values())
        .setCapas(r.getFlags() == ContRpc.COO_RO ? 1 : 3).build();
  }

  private ContReply destroy(ContDestroyReq r) {
    Cont c = find(r.getOp());
    if (c.handles > 0 && !r.getForce()) {
      throw new DaosException(DaosStatus.BUSY, "container has open handles");
    }
    svc.conts.remove(c.uuid);
    return reply();
  }

  private void attrs(CartServer s, int rank) {
    svc.serve(s, rank, ContRpc.ATTR_LIST, req -> {
      Cont c = opened(ContAttrReq.parseFrom(req.body().nioBuffer()).getOp());
      ContAttrReply.Builder b = ContAttrReply.newBuilder().setOp(svc.ok());
      c.attrs.keySet().forEach(k -> b.putAttrs(k, ByteString.EMPTY));
      return b.build();
    });
    svc.serve(s, rank, ContRpc.ATTR_GET, req -> {
      ContAttrReq r = ContAttrReq.parseFrom(req.body().nioBuffer());
      Cont c = opened(r.getOp());
      ContAttrReply.Builder b = ContAttrReply.newBuilder().setOp(svc.ok());
      for (String n : r.getNamesList()) {
        if (!c.attrs.containsKey(n)) {
          throw new DaosException(DaosStatus.NONEXIST, "no attribute " + n);
        }
        b.putAttrs(n, c.attrs.get(n));
      }
      return b.build();
    });
    svc.serve(s, rank, ContRpc.ATTR_SET, req -> {
      ContAttrReq r = ContAttrReq.parseFrom(req.body().nioBuffer());
      opened(r.getOp()).attrs.putAll(r.getAttrsMap());
      return ContAttrReply.newBuilder().setOp(svc.ok()).build();
    });
    svc.serve(s, rank, ContRpc.ATTR_DEL, req -> {
      ContAttrReq r = ContAttrReq.parseFrom(req.body().nioBuffer());
      Cont c = opened(r.getOp());
      r.getNamesList().forEach(c.attrs::remove);
      return ContAttrReply.newBuilder().setOp(svc.ok()).build();
    });
  }

  private void snaps(CartServer s, int rank) {
    svc.serve(s, rank, ContRpc.SNAP_CREATE, req -> {
      ContSnapReq r = ContSnapReq.parseFrom(req.body().nioBuffer());
      Cont c = opened(r.getOp());
      long epoch = 1000L + c.snaps.size();
      c.snaps.add(Snapshot.newBuilder().setEpoch(epoch).setName(r.getName()).build());
      return ContSnapReply.newBuilder().setOp(svc.ok()).setEpoch(epoch).build();
    });
    svc.serve(s, rank, ContRpc.SNAP_LIST, req -> {
      Cont c = opened(ContSnapReq.parseFrom(req.body().nioBuffer()).getOp());
      return ContSnapReply.newBuilder().setOp(svc.ok()).addAllSnapshots(c.snaps).build();
    });
    svc.serve(s, rank, ContRpc.SNAP_DESTROY, req -> {
      ContSnapReq r = ContSnapReq.parseFrom(req.body().nioBuffer());
      Cont c = opened(r.getOp());
      if (!c.snaps.removeIf(x -> x.getEpoch() == r.getEpoch())) {
        throw new DaosException(DaosStatus.NONEXIST, "no snapshot at epoch " + r.getEpoch());
      }
      return ContSnapReply.newBuilder().setOp(svc.ok()).build();
    });
  }

  private ContInfo info(Cont c) {
    Prop lbl = c.props.get(0x1001);
    return ContInfo.newBuilder().setUuid(Uuids.toByteString(c.uuid)).setOpenHandles(c.handles)
        .setSnapshots(c.snaps.size()).setLabel(lbl != null ? lbl.getStr() : c.label).build();
  }

  private Cont byLabel(String label) {
    return svc.conts.values().stream().filter(c -> c.label.equals(label)).findFirst().orElse(null);
  }

  private Cont find(ContOp op) {
    if (!svc.poolHandles.contains(op.getPoolHdl())) {
      throw new DaosException(DaosStatus.NO_HDL, "unknown pool handle");
    }
    Cont c = op.getContUuid().isEmpty() ? byLabel(op.getContLabel())
        : svc.conts.get(Uuids.fromByteString(op.getContUuid()));
    if (c == null) {
      throw new DaosException(DaosStatus.NONEXIST, "no such container");
    }
    return c;
  }

  private Cont opened(ContOp op) {
    if (!svc.contHandles.contains(op.getContHdl())) {
      throw new DaosException(DaosStatus.NO_HDL, "unknown container handle");
    }
    return find(op);
  }
}
