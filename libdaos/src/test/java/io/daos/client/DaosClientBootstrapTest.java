package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
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
import io.daos.drpc.server.DrpcRegistry;
import io.daos.drpc.server.DrpcServer;
import io.daos.drpc.transport.InMemoryTransport;
import io.daos.proto.mgmt.GetAttachInfoResp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * daos_init's bootstrap failures, which need no engine: the agent's errors and a missing agent. The bootstrap
 * itself runs against real engines and a real daos_agent in itest's {@code DaosClientBootstrapTest}.
 */
class DaosClientBootstrapTest {
  @Test
  void agentErrorIsReported(@TempDir Path dir) throws Exception {
    InMemoryTransport net = new InMemoryTransport();
    DrpcRegistry agent = new DrpcRegistry().register(DrpcMethod.MGMT_GET_ATTACH_INFO,
        (ctx, body) -> GetAttachInfoResp.newBuilder().setStatus(DaosStatus.INVAL.code()).build().toByteArray());
    try (DrpcServer server = DrpcServer.builder(dir.resolve(DaosClient.AGENT_SOCKET), agent).transport(net).build()) {
      server.start();
      DaosException e = assertThrows(DaosException.class,
          () -> DaosClient.builder().agentSocketDir(dir).agentTransport(net).build());
      assertEquals(DaosStatus.INVAL, e.status());
    }
  }

  @Test
  void missingAgentSaysWhatToDo(@TempDir Path dir) {
    DaosException e = assertThrows(DaosException.class, () -> DaosClient.builder().agentSocketDir(dir).build());
    assertEquals(DaosStatus.UNREACH, e.status());
    assertTrue(e.getMessage().contains("DAOS_AGENT_DRPC_DIR"), e.getMessage());
  }
}
