package io.daos.client;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.proto.cont.ContCreateReply;
import io.daos.proto.cont.ContCreateReq;
import io.daos.proto.cont.ContDestroyReq;
import io.daos.proto.cont.ContOp;
import io.daos.proto.cont.ContOpenReply;
import io.daos.proto.cont.ContOpenReq;
import io.daos.proto.cont.ContReply;
import io.daos.rpc.ContRpc;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Container create / open / destroy through the pool service (container RPCs ride on the pool's rdb). */
final class Containers {
  private final DaosPool pool;

  Containers(DaosPool pool) {
    this.pool = pool;
  }

  ContOp.Builder op() {
    return ContOp.newBuilder().setPoolUuid(pool.op().getPoolUuid()).setPoolHdl(pool.op().getPoolHdl());
  }

  CompletableFuture<UUID> create(ContainerProps props) {
    UUID cont = UUID.randomUUID();
    ContOp.Builder op = op().setContUuid(Uuids.toByteString(cont));
    String label = props.label();
    if (!label.isEmpty()) {
      Ids.checkLabel(label);
      op.setContLabel(label);
    }
    ContCreateReq req = ContCreateReq.newBuilder().setOp(op).addAllProps(props.toProto()).build();
    return pool.service().call(ContRpc.CREATE, req, ContCreateReply.parser(), ContCreateReply::getOp)
        .thenApply(r -> r.getContUuid().isEmpty() ? cont : Ids.of(r.getContUuid()));
  }

  CompletableFuture<DaosContainer> open(String id, int flags) {
    if ((flags & (ContRpc.COO_RO | ContRpc.COO_RW | ContRpc.COO_EX)) == 0) {
      throw new DaosException(DaosStatus.INVAL, "container open flags need DAOS_COO_RO (1), RW (2) or EX (4), got "
          + flags);
    }
    UUID hdl = UUID.randomUUID();
    Optional<UUID> uuid = Ids.parse(id);
    ContOp.Builder op = op().setContHdl(Uuids.toByteString(hdl));
    uuid.ifPresentOrElse(u -> op.setContUuid(Uuids.toByteString(u)), () -> op.setContLabel(id));
    ContOpenReq req = ContOpenReq.newBuilder().setOp(op).setFlags(flags).build();
    return pool.service().call(uuid.isPresent() ? ContRpc.OPEN : ContRpc.OPEN_BYLABEL, req, ContOpenReply.parser(),
        ContOpenReply::getOp).thenApply(r -> {
          UUID cont = r.getInfo().getUuid().isEmpty() ? uuid.orElseThrow(() -> new DaosException(DaosStatus.PROTO,
              "CONT_OPEN_BYLABEL reply carries no container UUID")) : Ids.of(r.getInfo().getUuid());
          return new DaosContainer(pool, this, cont, hdl, flags, r);
        });
  }

  CompletableFuture<Void> destroy(String id, boolean force) {
    Optional<UUID> uuid = Ids.parse(id);
    ContOp.Builder op = op();
    uuid.ifPresentOrElse(u -> op.setContUuid(Uuids.toByteString(u)), () -> op.setContLabel(id));
    ContDestroyReq req = ContDestroyReq.newBuilder().setOp(op).setForce(force).build();
    return pool.service().call(uuid.isPresent() ? ContRpc.DESTROY : ContRpc.DESTROY_BYLABEL, req,
        ContReply.parser(), ContReply::getOp).thenApply(r -> null);
  }
}
