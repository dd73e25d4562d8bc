package io.daos.fuzz;

import io.daos.cart.RpcFrame;
import io.daos.common.build.BuildInfo;
import io.daos.common.build.Component;
import io.daos.control.DaosClientInterceptor;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.proto.mgmt.GetAttachInfoResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.SystemGetPropReq;
import io.daos.proto.mgmt.SystemMember;
import io.daos.proto.mgmt.SystemQueryReq;
import io.daos.proto.mgmt.SystemQueryResp;
import io.daos.rpc.PoolRpc;
import io.daos.tool.thrash.ThrashSystem;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * After each batch: every daemon is still running (none exited on its own), and each interface still serves a normal
 * request: the agent answers GetAttachInfo, daos_server's dRPC socket GET_SYS_PROPS, the engine's dRPC socket
 * PING_RANK, the control port SystemQuery (every rank joined), and the engine's fabric port a pool query (an error
 * reply for a pool that does not exist is the normal answer).
 */
final class Liveness implements AutoCloseable {
  private final ThrashSystem sys;
  private final Path engineSocket;
  private final ManagedChannel channel;

  Liveness(ThrashSystem sys, Path engineSocket) {
    this.sys = sys;
    this.engineSocket = engineSocket;
    this.channel = ManagedChannelBuilder.forAddress(sys.hostIp(0), sys.controlPort()).usePlaintext()
        .intercept(new DaosClientInterceptor(Component.ADMIN, BuildInfo.DAOS_VERSION, sys.hostIp(0))).build();
  }

  /** What failed; empty when all is well. */
  List<String> check() {
    List<String> bad = new ArrayList<>();
    sys.crashes().forEach(c -> bad.add(c.what() + ": " + c.detail()));
    if (sys.engine(0).isEmpty()) {
      bad.add("no daos_engine process");
    }
    probe(bad, "agent GetAttachInfo", this::agent);
    probe(bad, "daos_server dRPC GET_SYS_PROPS", this::serverDrpc);
    probe(bad, "engine dRPC PING_RANK", this::engineDrpc);
    probe(bad, "control SystemQuery", this::systemQuery);
    probe(bad, "engine CART-J pool query", this::cart);
    return bad;
  }

  private interface Probe {
    String run() throws Exception;
  }

  private static void probe(List<String> bad, String what, Probe p) {
    try {
      String err = p.run();
      if (err != null) {
        bad.add(what + ": " + err);
      }
    } catch (Exception e) {
      bad.add(what + ": " + e);
    }
  }

  private DrpcClient drpc(Path sock) throws IOException {
    return DrpcClient.builder(sock).timeout(Duration.ofSeconds(20)).connect();
  }

  private String agent() throws Exception {
    try (DrpcClient c = drpc(sys.agentSocketDir().resolve("daos_agent.sock"))) {
      GetAttachInfoResp r = GetAttachInfoResp.parseFrom(c.call(DrpcMethod.MGMT_GET_ATTACH_INFO,
          GetAttachInfoReq.newBuilder().setSys("daos_server").build().toByteArray()));
      return r.getStatus() == 0 ? null : "status " + r.getStatus();
    }
  }

  private String serverDrpc() throws Exception {
    try (DrpcClient c = drpc(sys.serverSocketDir(0).resolve("daos_server.sock"))) {
      c.call(DrpcMethod.SRV_GET_SYS_PROPS, SystemGetPropReq.newBuilder().setSys("daos_server").build().toByteArray());
      return null;
    }
  }

  private String engineDrpc() throws Exception {
    try (DrpcClient c = drpc(engineSocket)) {
      c.call(DrpcMethod.MGMT_PING_RANK, new byte[0]);
      return null;
    }
  }

  private String systemQuery() {
    SystemQueryResp r = MgmtSvcGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
        .systemQuery(SystemQueryReq.newBuilder().setSys("daos_server").build());
    if (r.getMembersCount() == 0) {
      return "no members";
    }
    for (SystemMember m : r.getMembersList()) {
      if (!"joined".equals(m.getState())) {
        return "rank " + m.getRank() + " is " + m.getState();
      }
    }
    return null;
  }

  private String cart() throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", sys.fabricPort(0)), 10_000);
      s.setSoTimeout(20_000);
      ByteBuffer f = ByteBuffer.allocate(RpcFrame.HEADER_SIZE);
      f.putInt(RpcFrame.HEADER_SIZE - RpcFrame.LENGTH_FIELD).putShort((short) RpcFrame.MAGIC)
          .put((byte) RpcFrame.WIRE_VERSION).put((byte) 0).putInt(PoolRpc.QUERY.code()).putLong(42).putInt(0)
          .putInt(0).putInt(0).putInt(0).putInt(0);
      s.getOutputStream().write(f.array());
      DataInputStream in = new DataInputStream(s.getInputStream());
      byte[] rest = new byte[in.readInt()];
      in.readFully(rest);
      return ByteBuffer.wrap(rest).getLong(8) == 42 ? null : "reply to another rpc id";
    }
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
