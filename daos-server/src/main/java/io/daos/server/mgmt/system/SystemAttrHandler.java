package io.daos.server.mgmt.system;

import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.SystemGetAttrReq;
import io.daos.proto.mgmt.SystemGetAttrResp;
import io.daos.proto.mgmt.SystemGetPropReq;
import io.daos.proto.mgmt.SystemGetPropResp;
import io.daos.proto.mgmt.SystemSetAttrReq;
import io.daos.proto.mgmt.SystemSetPropReq;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.system.SystemProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * System attributes and properties on the MS (DAOS mgmt_system.go SystemSetAttr/GetAttr/SetProp/GetProp):
 * sets on the leader, gets on any replica. Attributes are free-form user keys (an empty value deletes one;
 * {@code prop.}/{@code mgmt.} keys are reserved); properties are the known keys of {@link SystemProperties},
 * validated, with their defaults when unset.
 */
public final class SystemAttrHandler {
  private final MsContext ctx;
  private final SystemProperties props;

  public SystemAttrHandler(MsContext ctx) {
    this.ctx = ctx;
    this.props = ctx.systemProperties();
  }

  public DaosResp systemSetAttr(SystemSetAttrReq req) {
    SystemHandler.requireNonNull(req);
    MsAccess.Ms ms = ctx.access().checkLeader(req.getSys());
    for (String k : req.getAttributesMap().keySet()) {
      if (SystemProperties.isReservedKey(k)) {
        throw new IllegalArgumentException("cannot set reserved key \"" + k + "\"");
      }
    }
    write(ms, req.getAttributesMap());
    return DaosResp.getDefaultInstance();
  }

  public SystemGetAttrResp systemGetAttr(SystemGetAttrReq req) {
    SystemHandler.requireNonNull(req);
    MsAccess.Ms ms = ctx.access().checkReplica(req.getSys());
    Map<String, String> attrs = new LinkedHashMap<>();
    ms.db().getSystemAttrs(req.getKeysList()).forEach((k, v) -> {
      if (!SystemProperties.isReservedKey(k)) {
        attrs.put(k, v);
      }
    });
    return SystemGetAttrResp.newBuilder().putAllAttributes(attrs).build();
  }

  public DaosResp systemSetProp(SystemSetPropReq req) {
    SystemHandler.requireNonNull(req);
    MsAccess.Ms ms = ctx.access().checkLeader(req.getSys());
    write(ms, props.toAttributes(req.getPropertiesMap()));
    return DaosResp.getDefaultInstance();
  }

  public SystemGetPropResp systemGetProp(SystemGetPropReq req) {
    SystemHandler.requireNonNull(req);
    MsAccess.Ms ms = ctx.access().checkReplica(req.getSys());
    Map<String, String> stored = ms.db().getSystemAttrs(List.of());
    return SystemGetPropResp.newBuilder().putAllProperties(props.values(stored, req.getKeysList())).build();
  }

  /** The self_heal property's current value (its default when unset or unreadable). */
  static String selfHeal(SystemProperties props, MsAccess.Ms ms) {
    try {
      return props.values(ms.db().getSystemAttrs(List.of()), List.of(SystemProperties.SELF_HEAL))
          .get(SystemProperties.SELF_HEAL);
    } catch (RuntimeException e) {
      return io.daos.server.system.Membership.DEFAULT_SELF_HEAL;
    }
  }

  private void write(MsAccess.Ms ms, Map<String, String> attrs) {
    try {
      ms.db().setSystemAttrs(attrs);
    } catch (RuntimeException e) {
      throw ctx.access().translate(e);
    }
  }
}
