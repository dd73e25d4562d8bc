package io.daos.control.server;

import static io.daos.control.TestMessages.QUERY;
import static io.daos.control.TestMessages.req;
import static io.daos.control.TestMessages.resp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.DynamicMessage;
import io.daos.common.build.BuildInfo;
import io.daos.common.build.Component;
import io.daos.common.build.Version;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.control.DaosClientInterceptor;
import io.daos.control.FakeServers;
import io.daos.control.TestMessages;
import io.daos.control.errors.GrpcErrors;
import io.daos.control.errors.NotLeaderException;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DAOS's server chain seen from a client: errors arrive typed, statuses fail calls, versions are checked. */
class ServerInterceptorsTest {
  private final FakeServers servers = new FakeServers();
  private ManagedChannel channel;

  @AfterEach
  void tearDown() throws Exception {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    servers.close();
  }

  private RuntimeException call(FakeServers.Handler h, Component comp, Version ver) throws Exception {
    servers.start("srv:10001", h);
    channel = InProcessChannelBuilder.forName("srv:10001").build();
    Channel ch = ClientInterceptors.intercept(channel, new DaosClientInterceptor(comp, ver, "srv:10001"));
    try {
      ClientCalls.blockingUnaryCall(ch, QUERY, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS),
          req("daos_server", "x"));
      return null;
    } catch (StatusRuntimeException e) {
      return GrpcErrors.fromStatusRuntimeException(e);
    }
  }

  private RuntimeException call(FakeServers.Handler h) throws Exception {
    return call(h, Component.ADMIN, BuildInfo.DAOS_VERSION);
  }

  @Test
  void thrownFaultArrivesAsFault() throws Exception {
    Fault f = assertInstanceOf(Fault.class, call(r -> {
      throw new Fault("server", FaultCode.SERVER_POOL_NO_LABEL, "pool label required", "add a label");
    }));
    assertEquals(FaultCode.SERVER_POOL_NO_LABEL, f.code());
    assertEquals("add a label", f.resolution());
  }

  @Test
  void nonZeroStatusFieldFailsTheCall() throws Exception {
    DaosException e = assertInstanceOf(DaosException.class, call(r -> resp(DaosStatus.NONEXIST.code(), 0, "")));
    assertEquals(DaosStatus.NONEXIST, e.status());
  }

  @Test
  void zeroStatusPasses() throws Exception {
    assertEquals(null, call(r -> resp(0, 1, "ok")));
  }

  @Test
  void unknownExceptionIsUnknownFault() throws Exception {
    Fault f = assertInstanceOf(Fault.class, call(r -> {
      throw new IllegalStateException("disk on fire");
    }));
    assertEquals(FaultCode.UNKNOWN, f.code());
    assertEquals("disk on fire", f.description());
  }

  @Test
  void redirectionArrivesTyped() throws Exception {
    NotLeaderException e = assertInstanceOf(NotLeaderException.class, call(r -> {
      throw new NotLeaderException("b:10001", List.of("a:10001", "b:10001"));
    }));
    assertEquals("b:10001", e.leaderHint());
  }

  @Test
  void incompatibleVersionRejectedBeforeHandler() throws Exception {
    AtomicBoolean ran = new AtomicBoolean();
    Fault f = assertInstanceOf(Fault.class, call(r -> {
      ran.set(true);
      return resp(0, 0, "should not run");
    }, Component.ADMIN, new Version(2, 6, 0)));
    assertEquals(FaultCode.SERVER_INCOMPATIBLE_COMPONENTS, f.code());
    assertEquals("components server:2.9.100 and admin:2.6.0 are not compatible", f.description());
    assertFalse(ran.get(), "handler ran despite the version check");
  }

  @Test
  void oldClientWithoutHeadersMustMatchExactlyWhenInsecure() throws Exception {
    servers.start("srv:10001", r -> resp(0, 0, "ok"));
    channel = InProcessChannelBuilder.forName("srv:10001").build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(
        channel, QUERY, CallOptions.DEFAULT, req("daos_server-2.9.99", "x")));
    Fault f = assertInstanceOf(Fault.class, GrpcErrors.fromStatusRuntimeException(e));
    assertEquals(FaultCode.SERVER_NO_COMPATIBILITY_INSECURE, f.code());
    DynamicMessage ok = ClientCalls.blockingUnaryCall(channel, QUERY, CallOptions.DEFAULT,
        req("daos_server-2.9.100", "x"));
    assertEquals("ok", TestMessages.value(ok));
  }
}
