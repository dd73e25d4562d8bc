package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.daos.client.fake.FakeCluster;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.proto.auth.Credential;
import io.daos.proto.auth.Flavor;
import io.daos.proto.auth.GetCredResp;
import io.daos.proto.auth.Token;
import io.daos.proto.drpc.Call;
import io.daos.proto.drpc.Response;
import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.proto.mgmt.GetAttachInfoResp;
import io.daos.rpc.PoolRpc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** daos_init's bootstrap through daos_agent: GetAttachInfo (206) for rank URIs, RequestCreds (101) for connect. */
class DaosClientBootstrapTest {
  private final FakeCluster cluster = new FakeCluster(2, 1, List.of(1), 1);

  /** A scripted daos_agent: answers 206 and 101, records the requests. */
  final class FakeAgent implements DrpcClient {
    final List<Call> calls = new ArrayList<>();
    int attachStatus;

    @Override
    public Response call(Call call) {
      calls.add(call);
      ByteString body;
      if (call.getMethod() == DrpcMethod.MGMT_GET_ATTACH_INFO.id()) {
        GetAttachInfoResp.Builder b = GetAttachInfoResp.newBuilder().setStatus(attachStatus).setSys("daos_server");
        for (int r = 0; r < 2; r++) {
          b.addRankUris(GetAttachInfoResp.RankUri.newBuilder().setRank(r).setUri(cluster.uri(r)));
        }
        body = b.build().toByteString();
      } else {
        body = GetCredResp.newBuilder().setCred(CRED).build().toByteString();
      }
      return Response.newBuilder().setSequence(call.getSequence()).setBody(body).build();
    }

    @Override
    public void close() {
    }
  }

  static final Credential CRED = Credential.newBuilder().setOrigin("agent")
      .setToken(Token.newBuilder().setFlavor(Flavor.AUTH_SYS).setData(ByteString.copyFromUtf8("user@")))
      .build();

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  @Test
  void attachInfoAndCredentialFromTheAgent() throws Exception {
    FakeAgent agent = new FakeAgent();
    try (DaosClient client = DaosClient.builder().agent(agent).systemName("daos_server")
        .transport(transportOf(cluster)).build()) {
      DaosPool pool = client.connectPool("pool1", PoolRpc.PC_RW);
      assertEquals("pool1", pool.label());
    }
    assertEquals(DrpcMethod.MGMT_GET_ATTACH_INFO.id(), agent.calls.get(0).getMethod());
    GetAttachInfoReq req = GetAttachInfoReq.parseFrom(agent.calls.get(0).getBody());
    assertEquals("daos_server", req.getSys());
    assertTrue(req.getAllRanks());
    assertEquals(DrpcMethod.SEC_AGENT_REQUEST_CREDS.id(), agent.calls.get(1).getMethod());
    assertEquals(CRED.toByteString(), cluster.service().lastCredential(), "POOL_CONNECT carries the credential");
  }

  @Test
  void agentErrorIsReported() {
    FakeAgent agent = new FakeAgent();
    agent.attachStatus = DaosStatus.INVAL.code();
    DaosException e = assertThrows(DaosException.class,
        () -> DaosClient.builder().agent(agent).transport(transportOf(cluster)).build());
    assertEquals(DaosStatus.INVAL, e.status());
  }

  @Test
  void missingAgentSaysWhatToDo(@TempDir Path dir) {
    DaosException e = assertThrows(DaosException.class, () -> DaosClient.builder().agentSocketDir(dir).build());
    assertEquals(DaosStatus.UNREACH, e.status());
    assertTrue(e.getMessage().contains("DAOS_AGENT_DRPC_DIR"), e.getMessage());
  }

  /** The fake cluster's in-memory transport, taken from its client builder. */
  private static io.daos.cart.CartTransport transportOf(FakeCluster c) {
    return c.transport();
  }
}
