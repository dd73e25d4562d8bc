package io.daos.server.ctl;

import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.ctl.BioHealthReq;
import io.daos.proto.ctl.BioHealthResp;
import io.daos.proto.ctl.NvmeDevState;
import io.daos.proto.ctl.SmdDevReq;
import io.daos.proto.ctl.SmdDevResp;
import io.daos.proto.ctl.SmdDevice;
import io.daos.proto.ctl.SmdPoolReq;
import io.daos.proto.ctl.SmdPoolResp;
import io.daos.server.engine.Engine;
import java.io.IOException;
import java.util.List;

/** One engine's SMD over dRPC (DAOS {@code instance_drpc.go}: listSmdDevices, getBioHealth, SmdListPools). */
final class EngineSmd {
  private EngineSmd() {
  }

  /** SMD_LIST_DEVS (211); a failed status is an error naming it. */
  static List<SmdDevice> devices(Engine e) throws IOException {
    SmdDevResp r = parse(() -> SmdDevResp.parseFrom(e.callDrpc(DrpcMethod.MGMT_SMD_LIST_DEVS,
        SmdDevReq.getDefaultInstance().toByteArray())), "SmdListDevs");
    if (r.getStatus() != 0) {
      throw new CtlException("ListSmdDevices failed: " + DaosStatus.fromCode(r.getStatus()));
    }
    return r.getDevicesList();
  }

  /** SMD_LIST_POOLS (212). */
  static SmdPoolResp pools(Engine e, int rank) throws IOException {
    SmdPoolResp r = parse(() -> SmdPoolResp.parseFrom(e.callDrpc(DrpcMethod.MGMT_SMD_LIST_POOLS,
        SmdPoolReq.getDefaultInstance().toByteArray())), "SmdListPools");
    if (r.getStatus() != 0) {
      throw new CtlException("rank " + rank + " ListPools failed: " + DaosStatus.fromCode(r.getStatus()));
    }
    return r;
  }

  /** BIO_HEALTH_QUERY (210) of one device. */
  static BioHealthResp health(Engine e, BioHealthReq req) throws IOException {
    BioHealthResp r = parse(() -> BioHealthResp.parseFrom(e.callDrpc(DrpcMethod.MGMT_BIO_HEALTH_QUERY,
        req.toByteArray())), "BioHealthQuery");
    if (r.getStatus() != 0) {
      throw new CtlException("GetBioHealth response status: " + DaosStatus.fromCode(r.getStatus()));
    }
    return r;
  }

  /** DAOS's CanSupplyHealthStats: a normal or evicted device. */
  static boolean hasHealth(SmdDevice d) {
    NvmeDevState s = d.getCtrlr().getDevState();
    return s == NvmeDevState.NORMAL || s == NvmeDevState.EVICTED;
  }

  /** DAOS's IsScannable: normal, evicted or new. */
  static boolean scannable(SmdDevice d) {
    return hasHealth(d) || d.getCtrlr().getDevState() == NvmeDevState.NEW;
  }

  private interface Parse<T> {
    T get() throws IOException;
  }

  private static <T> T parse(Parse<T> p, String what) throws IOException {
    try {
      return p.get();
    } catch (InvalidProtocolBufferException e) {
      throw new CtlException("unmarshal " + what + " response: " + e.getMessage(), e);
    }
  }
}
