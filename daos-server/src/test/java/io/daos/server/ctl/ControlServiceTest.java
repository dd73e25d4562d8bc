package io.daos.server.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.control.errors.GrpcErrors;
import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.ctl.RanksReq;
import io.daos.proto.ctl.RanksResp;
import io.daos.server.engine.EngineHarness;
import io.daos.server.engine.FakeEngine;
import io.daos.server.engine.RasPublisher;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CtlSvc adapter over in-process gRPC: results pass through, errors travel as DAOS's ErrorInfo. */
class ControlServiceTest {
  private final FakeEngine engine = new FakeEngine(0, 1L).running();
  private Server server;
  private ManagedChannel channel;
  private CtlSvcGrpc.CtlSvcBlockingStub stub;

  @BeforeEach
  void setUp() throws Exception {
    EngineHarness harness = new EngineHarness().add(engine);
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new ControlService(harness, new RasPublisher(null), List.of())).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    stub = CtlSvcGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() throws Exception {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void stopRanksOverGrpc() {
    RanksResp resp = stub.stopRanks(RanksReq.newBuilder().setRanks("1").build());
    assertEquals("stopped", resp.getResults(0).getState());
    assertEquals("system stop", resp.getResults(0).getMsg());
  }

  @Test
  void badRequestIsAnUnknownFault() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.startRanks(RanksReq.getDefaultInstance()));
    Throwable t = GrpcErrors.fromStatusRuntimeException(e);
    assertTrue(t.getMessage().contains("no ranks specified in request"), t.getMessage());
  }

  @Test
  void resetFormatOfRunningRankIsInstancesNotStopped() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.resetFormatRanks(RanksReq.newBuilder().setRanks("1").build()));
    Fault f = (Fault) GrpcErrors.fromStatusRuntimeException(e);
    assertEquals(FaultCode.SERVER_INSTANCES_NOT_STOPPED, f.code());
    assertEquals("reset format not supported when rank 1 is running", f.description());
  }
}
