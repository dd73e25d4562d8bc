package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.CartClient;
import io.daos.cart.Opcode;
import io.daos.cart.PeerAuth;
import io.daos.client.DaosClient;
import io.daos.client.DaosContainer;
import io.daos.client.DaosKv;
import io.daos.client.DaosPool;
import io.daos.client.cont.ContainerProps;
import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.DaosEngine;
import io.daos.itest.inproc.InProcessEngine;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import io.daos.proto.tgt.TgtDestroyReq;
import io.daos.rpc.ContRpc;
import io.daos.rpc.DtxRpc;
import io.daos.rpc.MgmtRpc;
import io.daos.rpc.PoolRpc;
import io.daos.rpc.RebuildRpc;
import io.daos.rpc.RpcAccess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 6: server-to-server CART-J RPCs are served only to engines of the system. On 2 servers × 1 engine
 * in this JVM (the in-memory fabric runs the same check as TCP): a process that is not an engine sends
 * MGMT_TGT_DESTROY, DTX_ABORT and REBUILD_OBJECTS_SCAN frames to a pool's engines and is refused with DER_NO_PERM,
 * the pool stays intact (queryable, its data readable); a process with another system's key fails the handshake;
 * the engines, which hold the key, keep working (the pool was created through them and is destroyed at the end).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FabricPeerAuthTest {
  /** SCM per rank of this class's pools, with no NVMe: nothing it checks needs the NVMe blob reserved on the disk. */
  private static final long SCM_ONLY = 256L << 20;
  private static final Duration T = Duration.ofSeconds(10);

  @TempDir
  static Path dir;
  private InProcessCluster cluster;

  @BeforeAll
  void start() throws Exception {
    cluster = MiniDaosCluster.builder(dir).inProcess().servers(2).engines(1).targets(2).replicas(1).start();
    cluster.waitForReady();
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static DaosException refused(CartClient c, String uri, Opcode op, byte[] body) {
    return assertThrows(DaosException.class, () -> CartClient.await(c.callWrapped(uri, op, 0, 0, body, null, T)).close(),
        "a frame of " + op + " to " + uri);
  }

  @Test
  @Timeout(180)
  void tgtDestroyFromAProcessThatIsNotAnEngineIsRefusedAndThePoolIsIntact() throws Exception {
    MiniDaosCluster.CreatedPool p = cluster.createPool("peerauth", SCM_ONLY, 0, 1);
    byte[] value = "still here".getBytes(StandardCharsets.UTF_8);
    try (DaosClient client = cluster.newDaosClient()) {
      DaosPool pool = client.connectPool("peerauth", PoolRpc.PC_RW);
      pool.createContainer(ContainerProps.empty().withLabel("c"));
      DaosContainer cont = pool.openContainer("c", ContRpc.COO_RW);
      DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.RP_2G1, 0));
      kv.put("k", value);

      byte[] destroy = TgtDestroyReq.newBuilder().setPoolUuid(Uuids.toByteString(p.uuid())).build().toByteArray();
      try (CartClient attacker = CartClient.builder().transport(cluster.cartTransport()).name("attacker").build()) {
        for (int rank : p.resp().getTgtRanksList()) {
          DaosEngine e = cluster.engine(rank).orElseThrow().engine();
          long served = e.rpcCounters().served(MgmtRpc.TGT_DESTROY);
          assertEquals(DaosStatus.NO_PERM, refused(attacker, e.uri(), MgmtRpc.TGT_DESTROY, destroy).status());
          assertEquals(DaosStatus.NO_PERM, refused(attacker, e.uri(), DtxRpc.ABORT, new byte[0]).status());
          assertEquals(DaosStatus.NO_PERM, refused(attacker, e.uri(), RebuildRpc.OBJECTS_SCAN, new byte[0]).status());
          assertEquals(served, e.rpcCounters().served(MgmtRpc.TGT_DESTROY), "the handler never ran on " + rank);
          assertTrue(e.pools().find(p.uuid()).isPresent(), "rank " + rank + " still has the pool's targets");
        }
      }

      int svcRank = p.resp().getSvcReps(0);
      String svcUri = cluster.engine(svcRank).orElseThrow().engine().uri();
      io.daos.proto.pool.PoolOp noHandle = io.daos.proto.pool.PoolOp.newBuilder()
          .setPoolUuid(Uuids.toByteString(p.uuid())).build();
      try (CartClient attacker = CartClient.builder().transport(cluster.cartTransport()).name("attacker").build();
          io.daos.cart.CartReply r = attacker.callSync(svcUri, PoolRpc.ATTR_SET, 0, 0, io.netty.buffer.Unpooled
              .wrappedBuffer(io.daos.proto.pool.AttrSet.newBuilder().setOp(noHandle).putAttrs("owned",
                  com.google.protobuf.ByteString.copyFromUtf8("yes")).build().toByteArray()), null, T)) {
        assertEquals(DaosStatus.NO_HDL.code(), io.daos.proto.pool.AttrReply.parseFrom(r.bodyBytes()).getOp()
            .getStatus(), "a client-facing pool RPC without a pool handle, from a client");
      }
      assertTrue(pool.listAttributes().isEmpty(), "no attribute was set: " + pool.listAttributes());

      assertEquals(0, cluster.dmgJson("pool", "query", "peerauth").get("status").getAsInt());
      assertArrayEquals(value, kv.get("k"), "the data is readable");
      kv.put("k2", value);
      assertArrayEquals(value, kv.get("k2"), "and writable (replicated through the engines' DTX)");
    }
    cluster.destroyPool("peerauth");
    for (int rank : p.resp().getTgtRanksList()) {
      int r = rank;
      Poll.until("rank " + r + " destroyed the pool's targets (engines' own TGT_DESTROY is served)",
          Duration.ofSeconds(60), () -> cluster.engine(r).orElseThrow().engine().pools().find(p.uuid()).isEmpty(),
          cluster::logs);
    }
  }

  @Test
  @Timeout(60)
  void aProcessWithAnotherSystemsKeyFailsTheHandshake() {
    byte[] otherKey = new byte[PeerAuth.KEY_SIZE];
    Arrays.fill(otherKey, (byte) 7);
    InProcessEngine target = cluster.engines().get(0);
    try (CartClient impostor = CartClient.builder().transport(cluster.cartTransport()).name("impostor")
        .peerAuth(PeerAuth.withKey("impostor", otherKey)).build()) {
      DaosException e = refused(impostor, target.engine().uri(), DtxRpc.ABORT, new byte[0]);
      assertEquals(DaosStatus.NO_PERM, e.status());
      assertTrue(e.getMessage().contains("peer authentication"), e.getMessage());
    }
  }

  /** Every opcode an engine serves is classified, and the client-facing ones are exactly what libdaos sends. */
  @Test
  void everyOpcodeTheEngineServesIsClassified() {
    Set<Integer> registered = cluster.engines().get(0).engine().registeredOpcodes();
    Set<String> client = new TreeSet<>();
    for (int opc : registered) {
      if (RpcAccess.of(opc) == RpcAccess.Access.CLIENT) {
        client.add(Opcode.fromCode(opc).toString());
      }
    }
    Set<String> expected = new TreeSet<>();
    RpcAccess.clientOpcodes().forEach(o -> expected.add(o.toString()));
    assertEquals(expected, client, "the engine serves every client-facing opcode");
    assertTrue(registered.contains(MgmtRpc.TGT_DESTROY.code()));
    assertEquals(RpcAccess.Access.SERVER, RpcAccess.of(MgmtRpc.TGT_DESTROY.code()));
    assertTrue(registered.size() > client.size() + 20, "most opcodes are server-only: " + registered.size());
  }
}
