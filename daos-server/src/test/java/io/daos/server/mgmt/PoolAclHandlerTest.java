package io.daos.server.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.daos.control.errors.NotLeaderException;
import io.daos.control.errors.NotReplicaException;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.mgmt.ACLResp;
import io.daos.proto.mgmt.AccessControlList;
import io.daos.proto.mgmt.DeleteACLReq;
import io.daos.proto.mgmt.GetACLReq;
import io.daos.proto.mgmt.ModifyACLReq;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DAOS mgmt_pool_test.go TestPoolGetACL_* / TestPoolOverwriteACL_* / TestPoolUpdateACL_* / TestPoolDeleteACL_*:
 * each RPC forwards to the pool service with the pool's UUID and service ranks, returns the engine's answer, and
 * fails on a non-MS server, a failed dRPC or an unparsable answer.
 */
class PoolAclHandlerTest {
  private static final String SYS = MgmtFixture.SYS;
  private static final ACLResp OK = ACLResp.newBuilder().setAcl(AccessControlList.newBuilder()
      .addEntries("A::OWNER@:rw").addEntries("A:g:GROUP@:r")).build();

  /** One ACL RPC: its dRPC method, how to call it for pool "tank", and how to read the forwarded request. */
  record Rpc(String name, DrpcMethod method, Function<PoolAclHandler, ACLResp> call, Parser parser) {
    @Override
    public String toString() {
      return name;
    }
  }

  @FunctionalInterface
  interface Parser {
    MessageLite parse(byte[] b) throws InvalidProtocolBufferException;
  }

  static Stream<Rpc> rpcs() {
    ModifyACLReq mod = ModifyACLReq.newBuilder().setSys(SYS).setId("tank").addEntries("A::OWNER@:rw").build();
    return Stream.of(
        new Rpc("PoolGetACL", DrpcMethod.MGMT_POOL_GET_ACL,
            h -> h.poolGetAcl(GetACLReq.newBuilder().setSys(SYS).setId("tank").build()), GetACLReq::parseFrom),
        new Rpc("PoolOverwriteACL", DrpcMethod.MGMT_POOL_OVERWRITE_ACL, h -> h.poolOverwriteAcl(mod),
            ModifyACLReq::parseFrom),
        new Rpc("PoolUpdateACL", DrpcMethod.MGMT_POOL_UPDATE_ACL, h -> h.poolUpdateAcl(mod), ModifyACLReq::parseFrom),
        new Rpc("PoolDeleteACL", DrpcMethod.MGMT_POOL_DELETE_ACL, h -> h.poolDeleteAcl(DeleteACLReq.newBuilder()
            .setSys(SYS).setId("tank").setPrincipal("OWNER@").build()), DeleteACLReq::parseFrom));
  }

  @ParameterizedTest(name = "Test{0}_Success")
  @MethodSource("rpcs")
  void success(Rpc rpc) throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(rpc.method(), OK);
      assertEquals(OK, rpc.call().apply(f.service.poolAclHandler()));
      assertEquals(List.of(List.of(0, 1, 2)), f.engines.preferred(rpc.method()),
          "one dRPC to a local engine, preferring the service replicas");
      MessageLite sent = rpc.parser().parse(f.engines.lastBody(rpc.method()));
      String text = sent.toString();
      assertTrue(text.contains("id: \"" + PoolCreateTest.UUID1 + "\""), text);
      assertTrue(text.contains("svc_ranks: 2"), text);
    }
  }

  @ParameterizedTest(name = "Test{0}_NoMS")
  @MethodSource("rpcs")
  void noMs(Rpc rpc) {
    MgmtService svc = LeaderQueryTest.service(new MsAccess(SYS, List.of("10.0.0.9:10001"), false));
    assertThrows(NotReplicaException.class, () -> rpc.call().apply(svc.poolAclHandler()));
  }

  @ParameterizedTest(name = "Test{0}_DrpcFailed")
  @MethodSource("rpcs")
  void drpcFailed(Rpc rpc) {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.failure = new IOException("mock error");
      RuntimeException e = assertThrows(RuntimeException.class, () -> rpc.call().apply(f.service.poolAclHandler()));
      assertTrue(e.getMessage().contains("mock error"), e.getMessage());
      assertEquals(1, f.engines.preferred(rpc.method()).size(), "one dRPC, the engine forwards to the leader");
    }
  }

  @ParameterizedTest(name = "Test{0}_BadDrpcResp")
  @MethodSource("rpcs")
  void badDrpcResp(Rpc rpc) {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answers.put(rpc.method(), new byte[] {0x0a, 0x7f, 0x01});
      RuntimeException e = assertThrows(RuntimeException.class, () -> rpc.call().apply(f.service.poolAclHandler()));
      boolean unmarshal = false;
      for (Throwable t = e; t != null; t = t.getCause()) {
        unmarshal |= t instanceof InvalidProtocolBufferException;
      }
      assertTrue(unmarshal, e.toString());
    }
  }

  @ParameterizedTest(name = "Test{0}_DerStatusReturned")
  @MethodSource("rpcs")
  void statusReturned(Rpc rpc) {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(rpc.method(), ACLResp.newBuilder().setStatus(-1003).build());
      assertEquals(-1003, rpc.call().apply(f.service.poolAclHandler()).getStatus());
    }
  }

  @Test
  void changesNeedTheLeaderButGetAclAnyReplica() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.db.setLeader(false);
      f.engines.answer(DrpcMethod.MGMT_POOL_GET_ACL, OK);
      rpcs().skip(1).forEach(rpc -> assertThrows(NotLeaderException.class,
          () -> rpc.call().apply(f.service.poolAclHandler()), rpc.name()));
      assertEquals(OK, rpcs().findFirst().orElseThrow().call().apply(f.service.poolAclHandler()));
    }
  }

  @Test
  void unknownPoolIsNonexist() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      RuntimeException e = assertThrows(RuntimeException.class, () -> f.service.poolAclHandler().poolGetAcl(
          GetACLReq.newBuilder().setSys(SYS).setId("nope").build()));
      assertTrue(f.engines.preferred(DrpcMethod.MGMT_POOL_GET_ACL).isEmpty(), e.toString());
    }
  }
}
