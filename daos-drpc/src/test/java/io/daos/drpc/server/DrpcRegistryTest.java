package io.daos.drpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcModule;
import io.daos.drpc.DrpcStatusException;
import io.daos.drpc.PeerCredentials;
import io.daos.drpc.client.DrpcClient;
import io.daos.proto.drpc.Call;
import io.daos.proto.drpc.Response;
import io.daos.proto.drpc.Status;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DrpcRegistryTest {
  private static final PeerCredentials PEER = new PeerCredentials(42, 1000, 1000);

  record Case(String name, byte[] input, Response exp) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static DrpcRegistry registry() {
    return new DrpcRegistry()
        .register(DrpcMethod.MGMT_PING_RANK, (ctx, body) -> new byte[] {1, 2, 3})
        .register(DrpcMethod.MGMT_SET_RANK, (ctx, body) -> {
          throw new IllegalStateException("regular error");
        })
        .register(DrpcMethod.MGMT_SET_UP, (ctx, body) -> {
          throw new DrpcFailure(Status.FAILED_MARSHAL, "marshal");
        })
        .register(DrpcMethod.MGMT_GROUP_UPDATE, (ctx, body) -> {
          throw new InvalidProtocolBufferException("bad body");
        })
        .register(DrpcMethod.SRV_NOTIFY_READY, (ctx, body) -> Long.toString(ctx.peer().pid()).getBytes());
  }

  private static byte[] call(DrpcModule mod, int method) {
    return Call.newBuilder().setModule(mod.id()).setMethod(method).setSequence(7).build().toByteArray();
  }

  private static Response resp(Status st, byte... body) {
    return Response.newBuilder().setSequence(7).setStatus(st).setBody(ByteString.copyFrom(body)).build();
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("garbage input bytes", new byte[] {(byte) 0xff, 1, 2},
            Response.newBuilder().setSequence(-1).setStatus(Status.FAILED_UNMARSHAL_CALL).build()),
        new Case("module doesn't exist", call(DrpcModule.SEC, 401), resp(Status.UNKNOWN_MODULE)),
        new Case("module id not defined", Call.newBuilder().setModule(99).setSequence(7).build().toByteArray(),
            resp(Status.UNKNOWN_MODULE)),
        new Case("method doesn't exist", call(DrpcModule.MGMT, 207), resp(Status.UNKNOWN_METHOD)),
        new Case("method of another module", call(DrpcModule.MGMT, 301), resp(Status.UNKNOWN_METHOD)),
        new Case("HandleCall fails with regular error", call(DrpcModule.MGMT, 202), resp(Status.FAILURE)),
        new Case("HandleCall fails with drpc.Failure", call(DrpcModule.MGMT, 209), resp(Status.FAILED_MARSHAL)),
        new Case("HandleCall fails to parse payload", call(DrpcModule.MGMT, 232),
            resp(Status.FAILED_UNMARSHAL_PAYLOAD)),
        new Case("HandleCall succeeds", call(DrpcModule.MGMT, 225), resp(Status.SUCCESS, (byte) 1, (byte) 2, (byte) 3)),
        new Case("handler sees peer credentials", call(DrpcModule.SRV, 301), resp(Status.SUCCESS, "42".getBytes())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void TestService_ProcessMessage(Case tc) throws Exception {
    assertEquals(tc.exp, Response.parseFrom(registry().process(tc.input, PEER)));
  }

  @Test
  void TestService_RegisterModule_DuplicateID() {
    DrpcRegistry r = registry();
    assertThrows(IllegalStateException.class, () -> r.register(DrpcMethod.MGMT_PING_RANK, (c, b) -> b));
  }

  @Test
  void registeredModuleWithoutMethodsAnswersUnknownMethod() throws Exception {
    DrpcRegistry r = new DrpcRegistry().registerModule(DrpcModule.MGMT);
    assertEquals(resp(Status.UNKNOWN_METHOD), Response.parseFrom(r.process(call(DrpcModule.MGMT, 202), PEER)));
  }

  @Test
  void methodIdsMatchDaos() {
    assertEquals(DrpcMethod.SRV_NOTIFY_READY, DrpcMethod.of(DrpcModule.SRV, 301).orElseThrow());
    assertEquals(DrpcMethod.SEC_VALIDATE_CREDS, DrpcMethod.of(DrpcModule.SEC, 401).orElseThrow());
    assertEquals(DrpcMethod.MGMT_POOL_SELF_HEAL_EVAL, DrpcMethod.of(DrpcModule.MGMT, 252).orElseThrow());
    assertEquals(DrpcModule.SRV, DrpcModule.fromId(3).orElseThrow());
  }

  @Test
  void directClientNumbersCallsFromOne() throws Exception {
    try (DrpcClient c = DrpcClient.direct(registry())) {
      Call ping = Call.newBuilder().setModule(2).setMethod(225).build();
      assertEquals(1, c.call(ping).getSequence());
      assertEquals(2, c.call(ping).getSequence());
      DrpcStatusException e = assertThrows(DrpcStatusException.class,
          () -> c.call(DrpcMethod.MGMT_POOL_CREATE, new byte[0]));
      assertEquals(Status.UNKNOWN_METHOD, e.status());
      assertEquals(true, e.getMessage().startsWith("bad dRPC response status: UNKNOWN_METHOD"));
    }
  }
}
