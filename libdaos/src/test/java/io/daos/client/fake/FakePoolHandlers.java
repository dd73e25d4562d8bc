package io.daos.client.fake;

import io.daos.cart.CartServer;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.proto.pool.AttrNames;
import io.daos.proto.pool.AttrReply;
import io.daos.proto.pool.AttrSet;
import io.daos.proto.pool.ContSummary;
import io.daos.proto.pool.PoolConnectReply;
import io.daos.proto.pool.PoolConnectReq;
import io.daos.proto.pool.PoolListContReply;
import io.daos.proto.pool.PoolMapReply;
import io.daos.proto.pool.PoolOp;
import io.daos.proto.pool.PoolQueryReply;
import io.daos.proto.pool.PoolSpace;
import io.daos.proto.pool.Prop;
import io.daos.proto.pool.TierSpace;
import io.daos.rpc.PoolRpc;

/** POOL_CONNECT / DISCONNECT / QUERY / TGT_QUERY_MAP / LIST_CONT / ATTR_* of the fake pool service. */
final class FakePoolHandlers {
  private final FakePoolService svc;

  FakePoolHandlers(FakePoolService svc) {
    this.svc = svc;
  }

  void registerOn(CartServer s, int rank) {
    svc.serve(s, rank, PoolRpc.CONNECT, req -> {
      PoolConnectReq r = PoolConnectReq.parseFrom(req.body().nioBuffer());
      checkPool(r.getOp());
      svc.poolHandles.add(r.getOp().getPoolHdl());
      svc.lastCred = r.getCred();
      return PoolConnectReply.newBuilder().setOp(svc.ok()).setMap(svc.map())
          .addProps(Prop.newBuilder().setType(1).setStr(FakePoolService.LABEL))
          .addProps(Prop.newBuilder().setType(11).setNum(0)).setCapas(7).build();
    });
    svc.serve(s, rank, PoolRpc.DISCONNECT, req -> {
      PoolOp op = PoolOp.parseFrom(req.body().nioBuffer());
      handle(op);
      svc.poolHandles.remove(op.getPoolHdl());
      return svc.ok();
    });
    svc.serve(s, rank, PoolRpc.QUERY, req -> {
      handle(io.daos.proto.pool.PoolQueryReq.parseFrom(req.body().nioBuffer()).getOp());
      return PoolQueryReply.newBuilder().setOp(svc.ok()).setMap(svc.map()).setLeaderRank(rank)
          .setSpace(PoolSpace.newBuilder().addTiers(TierSpace.newBuilder().setTotal(1 << 30).setFree(1 << 29)))
          .build();
    });
    svc.serve(s, rank, PoolRpc.TGT_QUERY_MAP, req -> {
      handle(io.daos.proto.pool.PoolMapReq.parseFrom(req.body().nioBuffer()).getOp());
      return PoolMapReply.newBuilder().setOp(svc.ok()).setMap(svc.map()).build();
    });
    svc.serve(s, rank, PoolRpc.LIST_CONT, req -> {
      handle(io.daos.proto.pool.PoolListContReq.parseFrom(req.body().nioBuffer()).getOp());
      PoolListContReply.Builder b = PoolListContReply.newBuilder().setOp(svc.ok());
      svc.conts.forEach((u, c) -> b.addConts(ContSummary.newBuilder().setUuid(Uuids.toByteString(u))
          .setLabel(c.label)));
      return b.build();
    });
    attrs(s, rank);
  }

  private void attrs(CartServer s, int rank) {
    svc.serve(s, rank, PoolRpc.ATTR_LIST, req -> {
      handle(AttrNames.parseFrom(req.body().nioBuffer()).getOp());
      AttrReply.Builder b = AttrReply.newBuilder().setOp(svc.ok());
      svc.poolAttrs.keySet().forEach(k -> b.putAttrs(k, com.google.protobuf.ByteString.EMPTY));
      return b.build();
    });
    svc.serve(s, rank, PoolRpc.ATTR_GET, req -> {
      AttrNames r = AttrNames.parseFrom(req.body().nioBuffer());
      handle(r.getOp());
      AttrReply.Builder b = AttrReply.newBuilder().setOp(svc.ok());
      for (String n : r.getNamesList()) {
        if (!svc.poolAttrs.containsKey(n)) {
          throw new DaosException(DaosStatus.NONEXIST, "no attribute " + n);
        }
        b.putAttrs(n, svc.poolAttrs.get(n));
      }
      return b.build();
    });
    svc.serve(s, rank, PoolRpc.ATTR_SET, req -> {
      AttrSet r = AttrSet.parseFrom(req.body().nioBuffer());
      handle(r.getOp());
      svc.poolAttrs.putAll(r.getAttrsMap());
      return AttrReply.newBuilder().setOp(svc.ok()).build();
    });
    svc.serve(s, rank, PoolRpc.ATTR_DEL, req -> {
      AttrNames r = AttrNames.parseFrom(req.body().nioBuffer());
      handle(r.getOp());
      r.getNamesList().forEach(svc.poolAttrs::remove);
      return AttrReply.newBuilder().setOp(svc.ok()).build();
    });
  }

  private static void checkPool(PoolOp op) {
    if (!Uuids.fromByteString(op.getPoolUuid()).equals(FakePoolService.POOL)) {
      throw new DaosException(DaosStatus.NONEXIST, "no such pool");
    }
  }

  private void handle(PoolOp op) {
    checkPool(op);
    if (!svc.poolHandles.contains(op.getPoolHdl())) {
      throw new DaosException(DaosStatus.NO_HDL, "unknown pool handle");
    }
  }
}
