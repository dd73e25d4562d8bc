package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.daos.agent.security.PemKeys;
import io.daos.client.DaosClient;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.drpc.server.DrpcServer;
import io.daos.drpc.transport.DrpcTransport;
import io.daos.proto.auth.Credential;
import io.daos.proto.auth.Flavor;
import io.daos.proto.auth.GetCredResp;
import io.daos.proto.auth.Sys;
import io.daos.proto.auth.Token;
import io.daos.security.TokenSigner;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.concurrent.atomic.AtomicReference;
import io.daos.client.DaosContainer;
import io.daos.client.DaosKv;
import io.daos.client.DaosPool;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.dmg.Dmg;
import io.daos.dmg.command.ControlInvokers;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import io.daos.server.DaosServer;
import io.daos.server.config.ServerConfig;
import io.daos.tool.Daos;
import io.daos.tool.api.LibdaosApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A system in secure mode (issue 13 items 1-3): certificates from bin/gen_certificates.sh, three in-process
 * daos_servers with mutual TLS on their real gRPC sockets (joins and the MS's fan-out to the other hosts with the server
 * certificate), storage formatted and the system queried by dmg with the admin
 * certificate, a pool created by dmg, a container created by the daos tool and libdaos I/O through a daos_agent
 * holding the agent certificate; dmg holding the agent certificate is refused PoolCreate with DAOS's message,
 * plaintext dmg (-i) gets a clear error, and a daos_server whose key others may read does not start.
 */
class SecureSystemTest {
  @TempDir
  static Path tmp;
  static Path certs;
  static InProcessCluster sys;

  @BeforeAll
  static void start() throws Exception {
    Process p = new ProcessBuilder(Launchers.bin("gen_certificates.sh").toString(), tmp.resolve("ca").toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    certs = tmp.resolve("ca/daosCA/certs");
    sys = MiniDaosCluster.builder(Files.createDirectories(tmp.resolve("sys"))).inProcess().servers(3).engines(1).targets(1).replicas(1)
        .secure(certs).start();
    sys.waitForReady();
  }

  @AfterAll
  static void stop() {
    if (sys != null) {
      sys.close();
    }
  }

  record Run(int rc, String out, String err) {
  }

  static Run dmg(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int rc = Dmg.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true,
        StandardCharsets.UTF_8), ControlInvokers::grpc);
    return new Run(rc, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }

  static Run daos(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int rc = Daos.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true,
        StandardCharsets.UTF_8), LibdaosApi.factory(() -> {
          try {
            return sys.clientBuilder().build();
          } catch (IOException x) {
            throw new java.io.UncheckedIOException(x);
          }
        }), ZoneOffset.UTC);
    return new Run(rc, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }

  /** A daos_control.yml for the cluster's host holding {@code role}'s certificate. */
  static String controlYaml(String role) throws IOException {
    Path f = tmp.resolve("daos_control_" + role + ".yml");
    Files.writeString(f, "name: daos_server\nport: " + sys.hostConfigs().get(0).port() + "\nhostlist: ['"
        + String.join("', '", sys.hostAddrs()) + "']\n" + sys.transportYaml(role));
    return f.toString();
  }

  @Test
  @Timeout(240)
  void securedSystemEndToEnd() throws Exception {
    String admin = controlYaml("admin");
    Run q = dmg("-o", admin, "system", "query", "--verbose");
    assertEquals(0, q.rc(), q.out() + q.err());
    assertTrue(q.out().contains("Joined"), q.out());
    assertEquals(3, sys.systemQuery().getMembersCount());
    assertTrue(!q.err().contains("insecure mode"), q.err());

    Run pc = dmg("-o", admin, "pool", "create", "--scm-size", "256M", "tank");
    assertEquals(0, pc.rc(), pc.out() + pc.err());

    Run cc = daos("container", "create", "tank", "c1");
    assertEquals(0, cc.rc(), cc.out() + cc.err());
    assertTrue(cc.out().contains("Successfully created container"), cc.out());

    try (DaosClient client = sys.newDaosClient()) {
      DaosPool pool = client.connectPool("tank", PoolRpc.PC_RW);
      DaosContainer cont = pool.openContainer("c1", ContRpc.COO_RW);
      DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.SX, 0));
      kv.put("k", "secure".getBytes(StandardCharsets.UTF_8));
      assertArrayEquals("secure".getBytes(StandardCharsets.UTF_8), kv.get("k"));
    }

    // The MS fans out to the other hosts' CtlSvc (PrepShutdownRanks, StopRanks, StartRanks: server only).
    Run stop = dmg("-o", admin, "system", "stop", "--ranks", "2");
    assertEquals(0, stop.rc(), stop.out() + stop.err());
    Poll.until("rank 2 stopped", java.time.Duration.ofSeconds(60), () -> state(2).equals("stopped"), sys::logs);
    Run start = dmg("-o", admin, "system", "start", "--ranks", "2");
    assertEquals(0, start.rc(), start.out() + start.err());
    Poll.until("rank 2 joined", java.time.Duration.ofSeconds(60), () -> state(2).equals("joined"), sys::logs);
  }

  /**
   * {@code bin/dmg} as an operator runs it: from the one jar its build merged the class path into (Bouncy Castle's
   * classes unsigned there), it reads the admin certificate and key and queries the secured system over TLS.
   */
  @Test
  @Timeout(120)
  void launcherDmgOverTls() throws IOException {
    CommandResult r = Commands.run(List.of(Launchers.bin("dmg").toString(), "-o", controlYaml("admin"), "system",
        "query"), java.time.Duration.ofSeconds(90));
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.stdout().contains("Joined") && !r.stderr().contains("insecure mode"), r.toString());
  }

  private static String state(int rank) {
    return sys.systemQuery().getMembersList().stream().filter(m -> m.getRank() == rank)
        .map(m -> m.getState().toLowerCase(java.util.Locale.ROOT)).findFirst().orElse("");
  }

  /**
   * Issue 13 item 4: pool connect with the agent's credential works, once; forged credentials (unsigned, signed by
   * another key, user changed after signing) and stale ones (expired, replayed) are DER_NO_PERM. A relay agent on
   * the cluster's dRPC transport serves attach info from the real agent and the credential the test chose.
   */
  @Test
  @Timeout(240)
  void forgedOrStaleCredentialsRefusedAtPoolConnect() throws Exception {
    Run pc = dmg("-o", controlYaml("admin"), "pool", "create", "--scm-size", "256M", "credpool");
    assertEquals(0, pc.rc(), pc.out() + pc.err());
    DrpcTransport net = sys.drpcTransport();
    Path relayDir = Files.createDirectories(tmp.resolve("relay-agent"));
    AtomicReference<Credential> next = new AtomicReference<>();
    try (DrpcClient agent = DrpcClient.builder(sys.agentSocket()).transport(net).connect();
        DrpcServer relay = DrpcServer.builder(relayDir.resolve(DaosClient.AGENT_SOCKET), new DrpcRegistry()
            .register(DrpcMethod.MGMT_GET_ATTACH_INFO, (ctx, body) -> agent.call(DrpcMethod.MGMT_GET_ATTACH_INFO, body))
            .register(DrpcMethod.SEC_AGENT_REQUEST_CREDS, (ctx, body) -> GetCredResp.newBuilder()
                .setCred(next.get()).build().toByteArray())).transport(net).build()) {
      relay.start();
      Credential real = fresh(agent);
      Sys sys0 = Sys.parseFrom(real.getToken().getData());
      assertTrue(sys0.hasJdaosValidity() && !sys0.getJdaosValidity().getReusable(), sys0.toString());
      PrivateKey agentKey = PemKeys.readPrivateKey(certs.resolve("agent.key"));
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      long now = System.currentTimeMillis();
      try (DaosClient client = sys.clientBuilder().agentSocketDir(relayDir).build()) {
        next.set(real);
        client.connectPool("credpool", PoolRpc.PC_RW).disconnect();
        assertRefused(client, next, "replayed", real);
        // Each forgery starts from a credential never presented, so only the forgery can be why it is refused.
        Credential a = fresh(agent);
        assertRefused(client, next, "unsigned", withVerifier(a.getToken(), TokenSigner.hash(a.getToken()
            .toByteArray()), a));
        Credential b = fresh(agent);
        assertRefused(client, next, "signed by another key", withVerifier(b.getToken(),
            TokenSigner.sign(g.generateKeyPair().getPrivate(), b.getToken().toByteArray()), b));
        Credential c = fresh(agent);
        Sys sysC = Sys.parseFrom(c.getToken().getData());
        Token other = token(sysC.toBuilder().setUser(sysC.getUser().equals("root@") ? "daos_admin@" : "root@")
            .build());
        assertRefused(client, next, "user changed after signing", withVerifier(other,
            c.getVerifier().getData().toByteArray(), c));
        // A refused forgery does not use up the genuine credential's nonce.
        next.set(c);
        client.connectPool("credpool", PoolRpc.PC_RW).disconnect();
        Sys sysD = Sys.parseFrom(fresh(agent).getToken().getData());
        Token expired = token(sysD.toBuilder().setJdaosValidity(sysD.getJdaosValidity().toBuilder()
            .setNotBeforeMs(now - 600_000).setNotAfterMs(now - 300_000)).build());
        assertRefused(client, next, "expired", withVerifier(expired,
            TokenSigner.sign(agentKey, expired.toByteArray()), real));
        next.set(fresh(agent));
        client.connectPool("credpool", PoolRpc.PC_RW).disconnect();
      }
    }
  }

  private static void assertRefused(DaosClient client, AtomicReference<Credential> next, String what,
      Credential cred) {
    next.set(cred);
    DaosException e = assertThrows(DaosException.class, () -> client.connectPool("credpool", PoolRpc.PC_RW), what);
    assertEquals(DaosStatus.NO_PERM, e.status(), what + ": " + e.getMessage());
  }

  private static Credential fresh(DrpcClient agent) throws Exception {
    return GetCredResp.parseFrom(agent.call(DrpcMethod.SEC_AGENT_REQUEST_CREDS, new byte[0])).getCred();
  }

  private static Token token(Sys s) {
    return Token.newBuilder().setFlavor(Flavor.AUTH_SYS).setData(s.toByteString()).build();
  }

  private static Credential withVerifier(Token token, byte[] verifier, Credential like) {
    return like.toBuilder().setToken(token).setVerifier(like.getVerifier().toBuilder()
        .setData(ByteString.copyFrom(verifier))).build();
  }

  /** DAOS's access check: the agent certificate may not create pools. */
  @Test
  void agentCertificateDeniedPoolCreate() throws Exception {
    Run pc = dmg("-o", controlYaml("agent"), "pool", "create", "--scm-size", "256M", "denied");
    assertEquals(1, pc.rc(), pc.out() + pc.err());
    assertTrue(pc.err().contains("agent does not have permission to call /mgmt.MgmtSvc/PoolCreate"), pc.err());
  }

  @Test
  void plaintextDmgAgainstSecureServer() throws Exception {
    Run q = dmg("-i", "-o", controlYaml("admin"), "system", "query");
    assertEquals(1, q.rc(), q.out() + q.err());
    assertTrue(q.err().contains("allow_insecure"), q.err());
    assertTrue(q.err().contains("closed the connection"), q.err());
  }

  @Test
  void adminCertificateFromAnotherCaRefused() throws Exception {
    Process p = new ProcessBuilder(Launchers.bin("gen_certificates.sh").toString(), tmp.resolve("other").toString())
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0);
    Path other = tmp.resolve("other/daosCA/certs");
    Path f = tmp.resolve("daos_control_other.yml");
    Files.writeString(f, "name: daos_server\nport: " + sys.hostConfigs().get(0).port() + "\nhostlist: ['"
        + String.join("', '", sys.hostAddrs()) + "']\ntransport_config:\n  ca_cert: " + other.resolve("daosCA.crt")
        + "\n  cert: " + other.resolve("admin.crt") + "\n  key: " + other.resolve("admin.key") + "\n");
    Run q = dmg("-o", f.toString(), "system", "query");
    assertEquals(1, q.rc(), q.out() + q.err());
    assertTrue(q.err().contains("TLS handshake with"), q.err());
    assertTrue(q.err().contains("is not accepted by the CA in " + other.resolve("daosCA.crt")), q.err());
  }

  /** DAOS's key file check: a daos_server whose key others may read does not start, and says how to fix it. */
  @Test
  void serverKeyReadableByOthersFailsStartUp() throws Exception {
    Path key = tmp.resolve("loose-server.key");
    Files.copy(certs.resolve("server.key"), key);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    HostConfig h = sys.hostConfigs().get(0);
    // The same host and port as the running server: the key check comes before anything binds.
    String yaml = h.yaml(List.of()).replace(certs.resolve("server.key").toString(), key.toString());
    Path yml = tmp.resolve("loose.yml");
    Files.writeString(yml, yaml);
    DaosServer s = DaosServer.builder().config(ServerConfig.load(yml)).build();
    Fault f = assertThrows(Fault.class, s::start);
    assertEquals(FaultCode.SECURITY_UNREADABLE_CERT_FILE, f.code());
    assertEquals(key + " has insecure permissions 0644 (suggested: 0400)", f.description());
    assertEquals("run 'chmod 0400 " + key + "'", f.resolution());
  }
}
