package io.daos.server;

import io.daos.control.ControlClient;
import io.daos.control.HostResponses;
import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.ctl.RanksReq;
import io.daos.proto.ctl.RanksResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.SystemEraseReq;
import io.daos.proto.mgmt.SystemEraseResp;
import io.daos.server.fanout.ControlInvoker;
import io.daos.server.fanout.HostResponse;
import io.daos.server.fanout.RanksMethod;
import io.grpc.MethodDescriptor;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The MS fan-out over gRPC: {@link ControlClient#invokeHosts} (component "server") to each host's CtlSvc. */
final class GrpcControlInvoker implements ControlInvoker {
  private final ControlClient client;

  GrpcControlInvoker(ControlClient client) {
    this.client = client;
  }

  @Override
  public List<HostResponse> invokeRanks(RanksMethod method, List<String> hosts, RanksReq req, Duration deadline) {
    if (hosts.isEmpty()) {
      return List.of();
    }
    HostResponses<RanksResp> got = client.invokeHosts(descriptor(method), req, hosts, deadline);
    List<HostResponse> out = new ArrayList<>();
    for (io.daos.control.HostResponse<RanksResp> hr : got.responses()) {
      out.add(hr.isOk() ? HostResponse.ok(hr.address(), hr.response()) : HostResponse.failed(hr.address(), hr.error()));
    }
    return out;
  }

  /** A gRPC health check of each host (grpc.health.v1, served next to CtlSvc and MgmtSvc). */
  @Override
  public List<HostResponse> ping(List<String> hosts, Duration deadline) {
    if (hosts.isEmpty()) {
      return List.of();
    }
    HostResponses<HealthCheckResponse> got = client.invokeHosts(HealthGrpc.getCheckMethod(),
        HealthCheckRequest.getDefaultInstance(), hosts, deadline);
    List<HostResponse> out = new ArrayList<>();
    for (io.daos.control.HostResponse<HealthCheckResponse> hr : got.responses()) {
      out.add(hr.isOk() ? HostResponse.ok(hr.address(), RanksResp.getDefaultInstance())
          : HostResponse.failed(hr.address(), hr.error()));
    }
    return out;
  }

  @Override
  public HostResponse systemErase(String host, String sys, Duration deadline) {
    SystemEraseReq req = SystemEraseReq.newBuilder().setSys(sys).build();
    HostResponses<SystemEraseResp> got = client.invokeHosts(MgmtSvcGrpc.getSystemEraseMethod(), req, List.of(host),
        deadline);
    for (io.daos.control.HostResponse<SystemEraseResp> hr : got.responses()) {
      if (!hr.isOk()) {
        return HostResponse.failed(hr.address(), hr.error());
      }
    }
    return HostResponse.ok(host, RanksResp.getDefaultInstance());
  }

  static MethodDescriptor<RanksReq, RanksResp> descriptor(RanksMethod method) {
    return switch (method) {
      case PREP_SHUTDOWN -> CtlSvcGrpc.getPrepShutdownRanksMethod();
      case STOP -> CtlSvcGrpc.getStopRanksMethod();
      case START -> CtlSvcGrpc.getStartRanksMethod();
      case RESET_FORMAT -> CtlSvcGrpc.getResetFormatRanksMethod();
    };
  }
}
