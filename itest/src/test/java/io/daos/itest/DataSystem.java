package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import io.daos.client.DaosClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A formatted real system for data-path tests: daos_server with two engines (two targets each), a daos_agent,
 * and a pool created with dmg. Clients built by {@link #client()} bootstrap through the agent's socket.
 */
final class DataSystem implements AutoCloseable {
  static final int ENGINES = 2;

  private final ServerProcess server;
  private AgentProcess agent;
  private JsonObject created;

  private DataSystem(ServerProcess server) {
    this.server = server;
  }

  /** Starts, formats and waits for both ranks to join; starts the agent; creates pool {@code pool}. */
  static DataSystem start(Path dir, String pool, String size) throws Exception {
    Launchers.requirePackaged("daos-agent", "libdaos");
    DataSystem s = new DataSystem(ServerProcess.start(dir, ENGINES));
    try {
      CommandResult format = s.server.dmg("storage", "format");
      assertEquals(0, format.exitCode(), format.toString());
      s.server.waitForAll("joined", Duration.ofSeconds(30));
      s.agent = AgentProcess.start(dir.resolve("agent"), s.server.port());
      long t0 = System.nanoTime();
      s.created = s.server.dmgJson("pool", "create", pool, "-z", size);
      assertEquals(0, s.created.get("status").getAsInt(), s.created + "\n" + s.server.log());
      System.out.printf("dmg pool create %s took %d ms%n", pool, (System.nanoTime() - t0) / 1_000_000);
      return s;
    } catch (Exception | Error e) {
      s.close();
      throw e;
    }
  }

  /** The {@code response} of {@code dmg -j pool create}. */
  JsonObject created() {
    return created.getAsJsonObject("response");
  }

  ServerProcess server() {
    return server;
  }

  /** A libdaos client attached through the agent's socket, with a short RPC timeout for failure tests. */
  DaosClient client() {
    return clientBuilder().build();
  }

  /** The builder of {@link #client()}, for a test to change more. */
  DaosClient.Builder clientBuilder() {
    return DaosClient.builder().agentSocketDir(server.dir().resolve("agent/run")).rpcTimeout(Duration.ofSeconds(10));
  }

  @Override
  public void close() throws Exception {
    try {
      if (agent != null) {
        agent.close();
      }
    } finally {
      server.close();
    }
  }
}
