package io.daos.client;

import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.proto.auth.Credential;
import io.daos.proto.auth.GetCredResp;
import io.daos.proto.mgmt.ClientTelemetryReq;
import io.daos.proto.mgmt.ClientTelemetryResp;
import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.proto.mgmt.GetAttachInfoResp;
import io.daos.proto.telemetry.MetricsResp;
import java.io.IOException;

/**
 * What libdaos asks the local daos_agent over {@code daos_agent.sock} (DAOS {@code dc_mgmt_get_sys_info} and
 * {@code dc_sec_request_creds}): the system's rank URIs (GetAttachInfo, 206) and a signed AUTH_SYS credential
 * (RequestCreds, 101); with client metrics registered, the registration (SetupClientTelemetry, 247) and the jdaos-only
 * pushes of the process's metrics (292).
 */
final class Agent {
  private Agent() {
  }

  static GetAttachInfoResp attachInfo(DrpcClient agent, String sys) {
    byte[] req = GetAttachInfoReq.newBuilder().setSys(sys).setAllRanks(true).build().toByteArray();
    GetAttachInfoResp resp = parse(call(agent, DrpcMethod.MGMT_GET_ATTACH_INFO, req), true);
    if (resp.getStatus() != 0) {
      throw new DaosException(DaosStatus.fromCode(resp.getStatus()), "daos_agent GetAttachInfo for system " + sys);
    }
    if (resp.getRankUrisCount() == 0) {
      throw new DaosException(DaosStatus.UNREACH, "daos_agent knows no engine ranks of system " + sys
          + "; are the servers started and is the agent's access point right?");
    }
    return resp;
  }

  static Credential credential(DrpcClient agent) {
    GetCredResp resp = parse(call(agent, DrpcMethod.SEC_AGENT_REQUEST_CREDS, new byte[0]), false);
    if (resp.getStatus() != 0) {
      throw new DaosException(DaosStatus.fromCode(resp.getStatus()), "daos_agent RequestCreds");
    }
    return resp.getCred();
  }

  /** DAOS's {@code dc_mgmt_tm_register}: registers this process's metrics under {@code jobid}. */
  static void registerTelemetry(DrpcClient agent, String jobid, long pid) {
    byte[] req = ClientTelemetryReq.newBuilder().setJobid(jobid).setShmKey((int) pid).build().toByteArray();
    ClientTelemetryResp resp;
    try {
      resp = ClientTelemetryResp.parseFrom(call(agent, DrpcMethod.MGMT_SETUP_CLIENT_TELEM, req));
    } catch (InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.PROTO, "undecodable daos_agent response", e);
    }
    if (resp.getStatus() != 0) {
      throw new DaosException(DaosStatus.fromCode(resp.getStatus()), "daos_agent SetupClientTelemetry (is "
          + "telemetry_enabled set with a telemetry_port in daos_agent.yml?)");
    }
  }

  /** Hands the agent this process's metrics now. */
  static void pushTelemetry(DrpcClient agent, MetricsResp metrics) {
    call(agent, DrpcMethod.MGMT_CLIENT_TELEMETRY_PUSH, metrics.toByteArray());
  }

  private static byte[] call(DrpcClient agent, DrpcMethod m, byte[] body) {
    try {
      return agent.call(m, body);
    } catch (IOException e) {
      throw new DaosException(DaosStatus.UNREACH, "cannot reach daos_agent (" + m + "): " + e.getMessage()
          + "; is daos_agent running and DAOS_AGENT_DRPC_DIR pointing at its socket directory?", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T parse(byte[] b, boolean attach) {
    try {
      return (T) (attach ? GetAttachInfoResp.parseFrom(b) : GetCredResp.parseFrom(b));
    } catch (InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.PROTO, "undecodable daos_agent response", e);
    }
  }
}
