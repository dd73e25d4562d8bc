package io.daos.server.mgmt.svc;

import io.daos.proto.mgmt.GroupUpdateReq;
import io.daos.proto.mgmt.GroupUpdateResp;

/**
 * Delivers a CaRT group map to a local engine (dRPC 232 GROUP_UPDATE), as the MS leader does after joins.
 * The engine harness serves it.
 */
@FunctionalInterface
public interface GroupUpdateSender {
  /** @throws Exception when no local engine is ready or the dRPC fails */
  GroupUpdateResp send(GroupUpdateReq req) throws Exception;
}
