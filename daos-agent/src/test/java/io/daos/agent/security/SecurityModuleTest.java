package io.daos.agent.security;

import io.daos.common.status.DaosStatus;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcCallContext;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.drpc.server.DrpcServer;
import io.daos.security.TokenSigner;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.agent.MutableClock;
import io.daos.agent.config.CredentialConfig;
import io.daos.agent.config.CredentialConfig.MappedClientUser;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.PeerCredentials;
import io.daos.proto.auth.Flavor;
import io.daos.proto.auth.GetCredResp;
import io.daos.proto.auth.Sys;
import io.daos.proto.auth.Validity;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecurityModuleTest {
  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock();

  /** TestAgentSecurityModule_RequestCreds_OK, over a real SEQPACKET socket: the peer is this JVM. */
  @Test
  void requestCredsOverSocket() throws Exception {
    DrpcRegistry registry = new DrpcRegistry();
    module(UserDb.system(), CredentialConfig.NONE).register(registry);
    Path sock = dir.resolve("daos_agent.sock");
    try (DrpcServer server = DrpcServer.builder(sock, registry).mode("rw-rw-rw-").build()) {
      server.start();
      try (DrpcClient client = DrpcClient.connect(sock)) {
        GetCredResp resp = GetCredResp.parseFrom(client.call(DrpcMethod.SEC_AGENT_REQUEST_CREDS, new byte[0]));
        assertEquals(0, resp.getStatus());
        assertEquals("agent", resp.getCred().getOrigin());
        assertEquals(Flavor.AUTH_SYS, resp.getCred().getToken().getFlavor());
        assertEquals(Flavor.AUTH_SYS, resp.getCred().getVerifier().getFlavor());
        assertArrayEquals(TokenSigner.hash(resp.getCred().getToken().toByteArray()),
            resp.getCred().getVerifier().getData().toByteArray());
        Sys sys = Sys.parseFrom(resp.getCred().getToken().getData());
        assertEquals(0, sys.getStamp());
        assertEquals(run("id", "-un") + "@", sys.getUser());
        assertEquals(run("id", "-gn") + "@", sys.getGroup());
        assertTrue(sys.getGroupsList().contains(run("id", "-gn") + "@"), sys.getGroupsList().toString());
        assertEquals("host1", sys.getMachinename());
        assertEquals("", sys.getSecctx());
      }
    }
  }

  record Case(String name, Map<Long, MappedClientUser> userMap, int expStatus, String expUser, String expGroup,
      List<String> expGroups) {
    @Override
    public String toString() {
      return name;
    }
  }

  // TestAgent_SecurityRPC_getCredential
  static Stream<Case> getCredentialCases() {
    MappedClientUser frodo = new MappedClientUser("frodo", "baggins", List.of("shire", "ringbearers"));
    return Stream.of(
        new Case("lookup miss", Map.of(), DaosStatus.MISC.code(), null, null, null),
        new Case("lookup OK", Map.of(4242L, frodo), 0, "frodo@", "baggins@", List.of("shire@", "ringbearers@")),
        new Case("default mapping", Map.of(CredentialConfig.DEFAULT_KEY, frodo), 0, "frodo@", "baggins@",
            List.of("shire@", "ringbearers@")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("getCredentialCases")
  void getCredential(Case tc) throws Exception {
    SecurityModule m = module(new FakeUserDb(), new CredentialConfig(Duration.ZERO, tc.userMap()));
    GetCredResp resp = GetCredResp.parseFrom(m.requestCreds(ctx(4242, 4242), new byte[0]));
    assertEquals(tc.expStatus(), resp.getStatus());
    if (tc.expStatus() != 0) {
      assertFalse(resp.hasCred());
      return;
    }
    Sys sys = Sys.parseFrom(resp.getCred().getToken().getData());
    assertEquals(tc.expUser(), sys.getUser());
    assertEquals(tc.expGroup(), sys.getGroup());
    assertEquals(tc.expGroups(), sys.getGroupsList());
    assertEquals("host1", sys.getMachinename());
  }

  @Test
  void knownUserWithFakeDb() throws Exception {
    GetCredResp resp = GetCredResp.parseFrom(module(new FakeUserDb(), CredentialConfig.NONE)
        .requestCreds(ctx(1000, 100), new byte[0]));
    Sys sys = Sys.parseFrom(resp.getCred().getToken().getData());
    assertEquals("sam@", sys.getUser());
    assertEquals("users@", sys.getGroup());
    assertEquals(List.of("users@", "gardeners@"), sys.getGroupsList());
  }

  @Test
  void machineNameIsShortHostName() {
    assertEquals("node1", CredentialFactory.shortName("node1.cluster.example.com"));
    assertFalse(CredentialFactory.localHostname().isEmpty());
  }

  @Test
  void unknownPeer() throws Exception {
    SecurityModule m = module(new FakeUserDb(), CredentialConfig.NONE);
    DrpcCallContext ctx = new DrpcCallContext(DrpcMethod.SEC_AGENT_REQUEST_CREDS, 1, PeerCredentials.UNKNOWN);
    assertEquals(DaosStatus.MISC.code(), GetCredResp.parseFrom(m.requestCreds(ctx, new byte[0])).getStatus());
  }

  /** TestAgent_SecurityCachedCredentials: reused until cache_expiration, then signed anew. */
  @Test
  void cachedCredentials() throws Exception {
    SecurityModule m = module(new FakeUserDb(), new CredentialConfig(Duration.ofMinutes(1), Map.of()));
    byte[] first = m.requestCreds(ctx(1000, 100), new byte[0]);
    clock.advance(Duration.ofSeconds(30));
    byte[] cached = m.requestCreds(ctx(1000, 100), new byte[0]);
    assertArrayEquals(first, cached);
    FakeUserDb.renamed = true;
    try {
      clock.advance(Duration.ofSeconds(31));
      Sys sys = Sys.parseFrom(GetCredResp.parseFrom(m.requestCreds(ctx(1000, 100), new byte[0])).getCred()
          .getToken().getData());
      assertEquals("samwise@", sys.getUser());
    } finally {
      FakeUserDb.renamed = false;
    }
  }

  /** jdaos extension: without the cache every credential is single-use, with its own nonce and a short window. */
  @Test
  void uncachedCredentialsAreSingleUse() throws Exception {
    SecurityModule m = module(new FakeUserDb(), CredentialConfig.NONE);
    Validity a = validity(m.requestCreds(ctx(1000, 100), new byte[0]));
    Validity b = validity(m.requestCreds(ctx(1000, 100), new byte[0]));
    long now = clock.millis();
    assertEquals(now, a.getNotBeforeMs());
    assertEquals(now + CredentialConfig.DEFAULT_VALIDITY.toMillis(), a.getNotAfterMs());
    assertFalse(a.getReusable());
    assertEquals(SecurityModule.NONCE_BYTES, a.getNonce().size());
    assertNotEquals(a.getNonce(), b.getNonce());
  }

  /**
   * A cached credential is marked reusable and its window outlasts the cache by {@code validity}: whenever the cache
   * hands it out, it has at least {@code validity} left; after cache_expiration a new one (new nonce) is signed.
   */
  @Test
  void cachedCredentialWindowOutlastsTheCache() throws Exception {
    Duration cacheFor = Duration.ofMinutes(1);
    SecurityModule m = module(new FakeUserDb(), new CredentialConfig(cacheFor, Map.of(), Duration.ofSeconds(20)));
    long t0 = clock.millis();
    Validity first = validity(m.requestCreds(ctx(1000, 100), new byte[0]));
    assertTrue(first.getReusable());
    assertEquals(t0 + cacheFor.toMillis() + 20_000, first.getNotAfterMs());
    clock.advance(cacheFor.minusMillis(1));
    Validity last = validity(m.requestCreds(ctx(1000, 100), new byte[0]));
    assertEquals(first, last);
    assertTrue(last.getNotAfterMs() - clock.millis() >= 20_000);
    clock.advance(Duration.ofMillis(1));
    Validity next = validity(m.requestCreds(ctx(1000, 100), new byte[0]));
    assertNotEquals(first.getNonce(), next.getNonce());
    assertEquals(clock.millis(), next.getNotBeforeMs());
  }

  /**
   * Wire compatibility: a DAOS peer unmarshals Sys with DAOS's six fields only (auth.proto): it reads the same
   * identity and keeps the window as an unknown field; it verifies the signature over Token{flavor, data} as sent.
   */
  @Test
  void daosPeerSkipsTheValidityField() throws Exception {
    KeyPair kp = rsaKeyPair();
    SecurityModule m = signing(kp);
    GetCredResp resp = GetCredResp.parseFrom(m.requestCreds(ctx(1000, 100), new byte[0]));
    DynamicMessage daosSys = DynamicMessage.parseFrom(daosSysDescriptor(), resp.getCred().getToken().getData());
    Descriptors.Descriptor d = daosSys.getDescriptorForType();
    assertEquals("sam@", daosSys.getField(d.findFieldByName("user")));
    assertEquals("users@", daosSys.getField(d.findFieldByName("group")));
    assertEquals("host1", daosSys.getField(d.findFieldByName("machinename")));
    assertTrue(daosSys.getUnknownFields().hasField(1000));
    io.daos.proto.auth.Token token = io.daos.proto.auth.Token.parseFrom(resp.getCred().getToken().toByteArray());
    assertTrue(TokenSigner.verify(kp.getPublic(), token.toByteArray(),
        resp.getCred().getVerifier().getData().toByteArray()));
  }

  /** DAOS src/proto/security/auth.proto's Sys, field by field. */
  private static Descriptors.Descriptor daosSysDescriptor() throws Exception {
    DescriptorProtos.DescriptorProto.Builder sys = DescriptorProtos.DescriptorProto.newBuilder().setName("Sys");
    String[] names = {"stamp", "machinename", "user", "group", "groups", "secctx"};
    for (int i = 0; i < names.length; i++) {
      sys.addField(DescriptorProtos.FieldDescriptorProto.newBuilder().setName(names[i]).setNumber(i + 1)
          .setType(i == 0 ? DescriptorProtos.FieldDescriptorProto.Type.TYPE_UINT64
              : DescriptorProtos.FieldDescriptorProto.Type.TYPE_STRING)
          .setLabel(i == 4 ? DescriptorProtos.FieldDescriptorProto.Label.LABEL_REPEATED
              : DescriptorProtos.FieldDescriptorProto.Label.LABEL_OPTIONAL));
    }
    DescriptorProtos.FileDescriptorProto file = DescriptorProtos.FileDescriptorProto.newBuilder()
        .setName("daos_auth.proto").setPackage("auth").setSyntax("proto3").addMessageType(sys).build();
    return Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0]).findMessageTypeByName("Sys");
  }

  private static KeyPair rsaKeyPair() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return g.generateKeyPair();
  }

  /** A module that signs with {@code kp}'s private key, no credential cache. */
  private SecurityModule signing(KeyPair kp) {
    return new SecurityModule(new CredentialFactory(new FakeUserDb(), () -> "host1.example.com"),
        CredentialConfig.NONE, kp.getPrivate(), clock);
  }

  private static Validity validity(byte[] resp) throws Exception {
    return Sys.parseFrom(GetCredResp.parseFrom(resp).getCred().getToken().getData()).getJdaosValidity();
  }

  @Test
  void signedVerifierVerifies() throws Exception {
    KeyPair kp = rsaKeyPair();
    SecurityModule m = signing(kp);
    GetCredResp resp = GetCredResp.parseFrom(m.requestCreds(ctx(1000, 100), new byte[0]));
    byte[] token = resp.getCred().getToken().toByteArray();
    byte[] sig = resp.getCred().getVerifier().getData().toByteArray();
    assertEquals(256, sig.length);
    assertTrue(TokenSigner.verify(kp.getPublic(), token, sig));
    token[token.length - 1] ^= 1;
    assertFalse(TokenSigner.verify(kp.getPublic(), token, sig));
  }

  @Test
  void pemKeysReadPkcs8AndPkcs1() throws Exception {
    Path pkcs1 = dir.resolve("agent.key");
    Path pkcs8 = dir.resolve("agent8.key");
    Process p = new ProcessBuilder("openssl", "genrsa", "-traditional", "-out", pkcs1.toString(), "2048")
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
        "openssl genrsa -traditional unavailable");
    Process q = new ProcessBuilder("openssl", "pkcs8", "-topk8", "-nocrypt", "-in", pkcs1.toString(), "-out",
        pkcs8.toString()).redirectErrorStream(true).start();
    q.getInputStream().readAllBytes();
    assertTrue(q.waitFor(60, TimeUnit.SECONDS) && q.exitValue() == 0);
    assertTrue(java.nio.file.Files.readString(pkcs1).contains("BEGIN RSA PRIVATE KEY"));
    assertEquals(PemKeys.readPrivateKey(pkcs8), PemKeys.readPrivateKey(pkcs1));
  }

  private SecurityModule module(UserDb db, CredentialConfig cc) {
    return new SecurityModule(new CredentialFactory(db, () -> "host1.example.com"), cc, null, clock);
  }

  private static DrpcCallContext ctx(long uid, long gid) {
    return new DrpcCallContext(DrpcMethod.SEC_AGENT_REQUEST_CREDS, 1, new PeerCredentials(77, uid, gid));
  }

  private static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor();
    return out;
  }

  /** uid 1000 = sam (gid 100 users, also in 200 gardeners); nothing else. */
  static final class FakeUserDb implements UserDb {
    static volatile boolean renamed;

    @Override
    public Optional<PosixUser> user(long uid) {
      return uid == 1000 ? Optional.of(new PosixUser(renamed ? "samwise" : "sam", 1000, 100)) : Optional.empty();
    }

    @Override
    public Optional<String> groupName(long gid) {
      return gid == 100 ? Optional.of("users") : gid == 200 ? Optional.of("gardeners") : Optional.empty();
    }

    @Override
    public List<String> groupNames(PosixUser user) {
      return List.of("users", "gardeners");
    }
  }
}
