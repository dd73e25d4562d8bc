package io.daos.itest;

import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.proto.auth.GetCredResp;
import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.proto.mgmt.GetAttachInfoResp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real {@code bin/daos_agent} on a private runtime dir, talking to a test server's control port. */
final class AgentProcess implements AutoCloseable {
  private final Process process;
  private final Path socket;

  private AgentProcess(Process process, Path socket) {
    this.process = process;
    this.socket = socket;
  }

  static AgentProcess start(Path dir, int controlPort) throws IOException {
    Launchers.requirePackaged("daos-agent");
    Files.createDirectories(dir);
    Path cfg = dir.resolve("daos_agent.yml");
    Files.writeString(cfg, "name: daos_server\naccess_points: ['localhost:" + controlPort + "']\nport: "
        + controlPort + "\nruntime_dir: " + dir.resolve("run") + "\nlog_file: " + dir.resolve("daos_agent.log")
        + "\ntransport_config:\n  allow_insecure: true\n");
    Process p = new ProcessBuilder(Launchers.bin("daos_agent").toString(), "-o", cfg.toString(), "start")
        .redirectErrorStream(true).redirectOutput(dir.resolve("daos_agent.stdout").toFile()).start();
    AgentProcess a = new AgentProcess(p, dir.resolve("run/daos_agent.sock"));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.exists(a.socket)) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        a.close();
        throw new AssertionError("daos_agent did not open " + a.socket + ": "
            + Files.readString(dir.resolve("daos_agent.stdout")));
      }
      ServerProcess.sleep(100);
    }
    return a;
  }

  GetAttachInfoResp attachInfo() throws IOException {
    try (DrpcClient c = DrpcClient.connect(socket)) {
      byte[] req = GetAttachInfoReq.newBuilder().setSys("daos_server").setAllRanks(true).build().toByteArray();
      return GetAttachInfoResp.parseFrom(c.call(DrpcMethod.MGMT_GET_ATTACH_INFO, req));
    }
  }

  GetCredResp credentials() throws IOException {
    try (DrpcClient c = DrpcClient.connect(socket)) {
      return GetCredResp.parseFrom(c.call(DrpcMethod.SEC_AGENT_REQUEST_CREDS, new byte[0]));
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
