package io.daos.engine.cont;

import static io.daos.engine.cont.ContProps.CO_ACL;
import static io.daos.engine.cont.ContProps.CO_LABEL;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.svc.PoolHandleInfo;
import io.daos.engine.rdb.RdbTx;
import io.daos.proto.pool.Prop;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** CONT_PROP_SET (by handle or by label), CONT_ACL_UPDATE and CONT_ACL_DELETE. */
public final class ContPropOps {
  private final ContainerService svc;

  ContPropOps(ContainerService svc) {
    this.svc = svc;
  }

  /**
   * Sets properties of the container of handle {@code hdl}, or, with no handle (CONT_PROP_SET_BYLABEL from the
   * admin path), of the container named by {@code cont}/{@code label} with the pool handle user's rights; with
   * neither a pool nor a container handle (an engine acting for daos_server), only the owner and owner group.
   */
  public void set(byte[] poolHdl, UUID cont, String label, UUID hdl, List<Prop> in) {
    UUID c;
    long capas;
    if (poolHdl.length == 0 && hdl == null) {
      // An engine acting for daos_server (dmg cont set-owner, DAOS's ds_cont_svc_set_prop): ownership only.
      c = svc.store.resolve(cont, label);
      capas = ContRpc.CAPA_SET_OWNER;
    } else if (hdl != null) {
      svc.poolHandle(poolHdl);
      ContHandleRecord h = svc.contHandle(hdl, cont);
      c = h.cont();
      capas = h.capas();
    } else {
      PoolHandleInfo ph = svc.poolHandle(poolHdl);
      c = svc.store.resolve(cont, label);
      capas = svc.capasFor(c, Identity.of(ph), (ph.flags() & PoolRpc.PC_RO) != 0 ? ContRpc.COO_RO : ContRpc.COO_RW);
    }
    Map<Integer, Prop> props = ContPropRules.forSet(in, capas);
    RdbTx tx = new RdbTx();
    Prop newLabel = props.get(CO_LABEL);
    if (newLabel != null) {
      relabel(tx, c, newLabel.getStr());
    }
    if (props.containsKey(ContProps.CO_STATUS)) {
      // daos_cont_status_clear: healthy as of the pool map the service holds now, so older failures no longer count
      props.put(ContProps.CO_STATUS, ContPropRules.num(ContProps.CO_STATUS,
          ContProps.statusValue(0, 0, svc.replica.mapVersion())));
    }
    props.values().forEach(p -> ContStore.putProp(tx, c, p));
    svc.touch(tx, c);
    svc.store.rdb().commit(tx);
  }

  /** {@code check_set_prop_label}: the new label must be free; the old one leaves the index. */
  private void relabel(RdbTx tx, UUID c, String label) {
    if (label.equals(ContProps.LABEL_DEFAULT)) {
      throw new DaosException(DaosStatus.INVAL, "the label \"" + label + "\" is reserved; choose another");
    }
    String old = svc.store.label(c);
    if (old.equals(label)) {
      return;
    }
    UUID holder = svc.store.byLabel(label);
    if (holder != null) {
      throw new DaosException(DaosStatus.EXIST, "label " + label + " is already used by container " + holder);
    }
    tx.put(ContKeys.label(label), c.toString());
    if (c.equals(svc.store.byLabel(old))) {
      tx.delete(ContKeys.label(old));
    }
  }

  /** CONT_ACL_UPDATE: adds or replaces entries ({@code overwrite} replaces the whole ACL). Needs SET_ACL. */
  public void updateAcl(byte[] poolHdl, UUID cont, UUID hdl, List<String> aces, boolean overwrite) {
    UUID c = aclHandle(poolHdl, cont, hdl);
    ContAcl update = ContAcl.of(aces);
    ContAcl acl = overwrite ? update : current(c).merge(update);
    write(c, acl);
  }

  /** CONT_ACL_DELETE: removes the entry of {@code principal}; DER_NONEXIST if there is none. Needs SET_ACL. */
  public void deleteAcl(byte[] poolHdl, UUID cont, UUID hdl, String principal) {
    UUID c = aclHandle(poolHdl, cont, hdl);
    write(c, current(c).without(principal));
  }

  private UUID aclHandle(byte[] poolHdl, UUID cont, UUID hdl) {
    svc.poolHandle(poolHdl);
    ContHandleRecord h = svc.contHandle(hdl, cont);
    if ((h.capas() & ContRpc.CAPA_SET_ACL) == 0) {
      throw new DaosException(DaosStatus.NO_PERM, "container handle " + hdl + " may not change the ACL");
    }
    return h.cont();
  }

  private ContAcl current(UUID c) {
    return ContAcl.decode(svc.store.prop(c, CO_ACL).getRaw().toByteArray());
  }

  private void write(UUID c, ContAcl acl) {
    RdbTx tx = new RdbTx();
    ContStore.putProp(tx, c, ContPropRules.raw(CO_ACL, acl.encode()));
    svc.touch(tx, c);
    svc.store.rdb().commit(tx);
  }
}
