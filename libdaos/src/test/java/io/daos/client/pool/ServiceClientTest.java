package io.daos.client.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.daos.cart.CartClient;
import io.daos.cart.CartServer;
import io.daos.cart.transport.CartTransports;
import io.daos.client.rpc.EngineRpc;
import io.daos.client.rpc.RankUris;
import io.daos.common.status.DaosStatus;
import io.daos.proto.pool.PoolConnectReply;
import io.daos.proto.pool.PoolConnectReq;
import io.daos.proto.pool.PoolOpReply;
import io.daos.rpc.PoolRpc;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retries of a pool service call: the first replica answers DER_TIMEDOUT after it may have acted on the request (the
 * pool connect's single-use credential then spent); the retry goes to the next replica with a request built anew.
 */
class ServiceClientTest {
  private final List<ByteString> creds = new CopyOnWriteArrayList<>();
  private CartServer server;
  private EngineRpc rpc;

  @BeforeEach
  void setUp() {
    var net = CartTransports.inMemory();
    server = CartServer.builder().transport(net).uri("ofi+tcp://127.0.0.1:0").name("replicas").build()
        .register(PoolRpc.CONNECT, (req, r) -> {
          creds.add(PoolConnectReq.parseFrom(req.bodyBytes()).getCred());
          DaosStatus st = creds.size() == 1 ? DaosStatus.TIMEDOUT : DaosStatus.SUCCESS;
          r.ok(1, PoolConnectReply.newBuilder().setOp(PoolOpReply.newBuilder().setStatus(st.code())).build()
              .toByteArray());
        }).start();
    RankUris uris = new RankUris();
    uris.put(0, server.uri());
    uris.put(1, server.uri());
    rpc = new EngineRpc(CartClient.builder().transport(net).name("client").build(), uris, Duration.ofSeconds(10));
  }

  @AfterEach
  void tearDown() {
    rpc.close();
    server.close();
  }

  @Test
  void retryCarriesARequestBuiltAnew() throws Exception {
    ServiceClient svc = new ServiceClient(rpc, "pool1", List.of(0, 1), RetryPolicy.DEFAULT);
    PoolConnectReq first = PoolConnectReq.newBuilder().setCred(ByteString.copyFromUtf8("cred-0")).build();
    svc.call(PoolRpc.CONNECT, first, n -> first.toBuilder().setCred(ByteString.copyFromUtf8("cred-" + n)).build(),
        PoolConnectReply.parser(), PoolConnectReply::getOp).get(10, TimeUnit.SECONDS);
    assertEquals(List.of(ByteString.copyFromUtf8("cred-0"), ByteString.copyFromUtf8("cred-1")), creds);
  }

  @Test
  void plainCallRetriesTheSameRequest() throws Exception {
    ServiceClient svc = new ServiceClient(rpc, "pool1", List.of(0, 1), RetryPolicy.DEFAULT);
    PoolConnectReq req = PoolConnectReq.newBuilder().setCred(ByteString.copyFromUtf8("same")).build();
    svc.call(PoolRpc.CONNECT, req, PoolConnectReply.parser(), PoolConnectReply::getOp).get(10, TimeUnit.SECONDS);
    assertEquals(List.of(ByteString.copyFromUtf8("same"), ByteString.copyFromUtf8("same")), creds);
  }
}
