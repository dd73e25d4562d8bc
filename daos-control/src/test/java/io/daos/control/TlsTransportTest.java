package io.daos.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.build.BuildInfo;
import io.daos.common.build.Component;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.control.config.ControlConfig;
import io.daos.control.config.TransportConfig;
import io.daos.control.server.DaosServerInterceptors;
import io.daos.control.server.PeerComponentResolver;
import io.daos.control.server.TlsPeerComponentResolver;
import io.daos.control.server.TlsServerContexts;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolCreateResp;
import io.daos.proto.mgmt.SystemQueryReq;
import io.daos.proto.mgmt.SystemQueryResp;
import io.daos.security.tls.DaosTrustManager;
import io.daos.security.tls.PemFiles;
import io.daos.security.tls.TestCerts;
import io.daos.security.tls.TlsIdentity;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control plane's mutual TLS on real sockets: a MgmtSvc behind DAOS's interceptor chain in secure mode, called
 * by control clients holding certificates from bin/gen_certificates.sh (DAOS server/interceptors_test.go and
 * security/grpc_authorization_test.go in spirit): roles from the certificate CN, DAOS's denial message, and a
 * clear error for another CA, an expired certificate, a plaintext client and a TLS client of a plaintext server.
 */
class TlsTransportTest {
  @TempDir
  static Path dir;
  @TempDir
  static Path otherDir;
  static Path certs;
  static Path otherCerts;
  static Server secure;
  static Server plain;

  static final class Ms extends MgmtSvcGrpc.MgmtSvcImplBase {
    @Override
    public void systemQuery(SystemQueryReq req, StreamObserver<SystemQueryResp> obs) {
      obs.onNext(SystemQueryResp.newBuilder().setDataVersion(1).build());
      obs.onCompleted();
    }

    @Override
    public void poolCreate(PoolCreateReq req, StreamObserver<PoolCreateResp> obs) {
      obs.onNext(PoolCreateResp.getDefaultInstance());
      obs.onCompleted();
    }
  }

  @BeforeAll
  static void start() throws Exception {
    certs = TestCerts.generate(dir);
    otherCerts = TestCerts.generate(otherDir);
    Instant now = Instant.now();
    TestCerts.leaf(certs, "expired", "admin", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
    TestCerts.leaf(certs, "impostor", "agent", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
    TlsIdentity server = identity(certs, "server", Clock.systemUTC());
    secure = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .sslContext(TlsServerContexts.server(server))
        .addService(DaosServerInterceptors.intercept(new Ms().bindService(), "secure", BuildInfo.as(Component.SERVER),
            TlsPeerComponentResolver.INSTANCE, true)).build().start();
    plain = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(DaosServerInterceptors.intercept(new Ms().bindService(), "plain", BuildInfo.as(Component.SERVER),
            PeerComponentResolver.INSECURE)).build().start();
  }

  @AfterAll
  static void stop() throws Exception {
    secure.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    plain.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  static TlsIdentity identity(Path certs, String name, Clock clock) {
    return TlsIdentity.load(certs.resolve("daosCA.crt").toString(), certs.resolve(name + ".crt").toString(),
        certs.resolve(name + ".key").toString(), "", PemFiles.MAX_GROUP_KEY_PERM, clock);
  }

  static ControlClient client(Server s, Path certs, String role, Component comp) {
    TransportConfig t = new TransportConfig(false, certs.resolve("daosCA.crt").toString(),
        certs.resolve(role + ".crt").toString(), certs.resolve(role + ".key").toString(), "");
    return ControlClient.builder().config(config(s, t)).component(comp).build();
  }

  static ControlConfig config(Server s, TransportConfig t) {
    return new ControlConfig("daos_server", s.getPort(), List.of("127.0.0.1:" + s.getPort()), t, null);
  }

  static <R> Throwable error(ControlClient c, io.grpc.MethodDescriptor<?, R> m, Object req) {
    @SuppressWarnings("unchecked")
    io.grpc.MethodDescriptor<Object, R> mm = (io.grpc.MethodDescriptor<Object, R>) m;
    HostResponses<R> r = c.invokeHosts(mm, req, List.of(), Duration.ofSeconds(20));
    return r.responses().get(0).error();
  }

  @Test
  void adminCallsAdminMethods() {
    try (ControlClient c = client(secure, certs, "admin", Component.ADMIN)) {
      assertEquals(1, c.invokeMs(MgmtSvcGrpc.getSystemQueryMethod(), SystemQueryReq.getDefaultInstance(),
          Duration.ofSeconds(20)).getDataVersion());
      c.invokeMs(MgmtSvcGrpc.getPoolCreateMethod(), PoolCreateReq.getDefaultInstance(), Duration.ofSeconds(20));
    }
  }

  /** dmg's transport (grpc-okhttp): the same TLS, role and denial. */
  @Test
  void okHttpClient() {
    TlsIdentity admin = identity(certs, "admin", Clock.systemUTC());
    TransportConfig t = new TransportConfig(false, "", "", "", "");
    try (ControlClient c = ControlClient.builder().config(config(secure, t)).tlsIdentity(admin)
        .channelFactory(TlsChannelFactory.okHttp(admin)).build()) {
      assertEquals(1, c.invokeMs(MgmtSvcGrpc.getSystemQueryMethod(), SystemQueryReq.getDefaultInstance(),
          Duration.ofSeconds(20)).getDataVersion());
    }
    TlsIdentity agent = identity(certs, "agent", Clock.systemUTC());
    try (ControlClient c = ControlClient.builder().config(config(secure, t)).tlsIdentity(agent)
        .component(Component.AGENT).channelFactory(TlsChannelFactory.okHttp(agent)).build()) {
      Throwable e = error(c, MgmtSvcGrpc.getPoolCreateMethod(), PoolCreateReq.getDefaultInstance());
      assertTrue(String.valueOf(e).contains("agent does not have permission to call /mgmt.MgmtSvc/PoolCreate"),
          String.valueOf(e));
    }
    TlsIdentity other = identity(otherCerts, "admin", Clock.systemUTC());
    try (ControlClient c = ControlClient.builder().config(config(secure, t)).tlsIdentity(other)
        .channelFactory(TlsChannelFactory.okHttp(other)).build()) {
      Throwable e = error(c, MgmtSvcGrpc.getSystemQueryMethod(), SystemQueryReq.getDefaultInstance());
      Fault f = assertInstanceOf(Fault.class, e, String.valueOf(e));
      assertEquals(FaultCode.SECURITY_INVALID_CERT, f.code(), f.description());
    }
  }

  /** DAOS's denial: an agent certificate may not create pools. */
  @Test
  void testSecurity_AgentDeniedPoolCreate() {
    try (ControlClient c = client(secure, certs, "agent", Component.AGENT)) {
      Throwable e = error(c, MgmtSvcGrpc.getPoolCreateMethod(), PoolCreateReq.getDefaultInstance());
      StatusRuntimeException s = assertInstanceOf(StatusRuntimeException.class, e, String.valueOf(e));
      assertEquals(Status.Code.PERMISSION_DENIED, s.getStatus().getCode());
      assertEquals("access denied for *mgmt.PoolCreateReq: agent does not have permission to call "
          + "/mgmt.MgmtSvc/PoolCreate", s.getStatus().getDescription());
    }
  }

  /** The CN decides, not the x-daos-component header: a server certificate claiming admin is still a server. */
  @Test
  void componentComesFromCertificateNotHeader() {
    try (ControlClient c = client(secure, certs, "server", Component.ADMIN)) {
      Throwable e = error(c, MgmtSvcGrpc.getPoolCreateMethod(), PoolCreateReq.getDefaultInstance());
      assertTrue(String.valueOf(e).contains("does not have permission to call /mgmt.MgmtSvc/PoolCreate")
          || String.valueOf(e).contains("component mismatch"), String.valueOf(e));
    }
  }

  @Test
  void certificateFromAnotherCaIsRefused() {
    try (ControlClient c = client(secure, otherCerts, "admin", Component.ADMIN)) {
      Fault f = assertInstanceOf(Fault.class, error(c, MgmtSvcGrpc.getSystemQueryMethod(),
          SystemQueryReq.getDefaultInstance()));
      assertEquals(FaultCode.SECURITY_INVALID_CERT, f.code());
      assertTrue(f.description().startsWith("TLS handshake with 127.0.0.1:" + secure.getPort() + " failed"),
          f.description());
      assertTrue(f.description().contains("is not accepted by the CA in " + otherCerts.resolve("daosCA.crt")),
          f.description());
    }
  }

  @Test
  void expiredClientCertificateIsRefusedAtTheHandshake() {
    // A client that skips its own check (the files loaded unchecked) still meets the server's.
    TlsIdentity expired = TlsIdentity.of(certs.resolve("daosCA.crt").toString(),
        PemFiles.certificate(certs.resolve("daosCA.crt").toString()), "expired.crt",
        PemFiles.certificate(certs.resolve("expired.crt").toString()),
        PemFiles.privateKey(certs.resolve("expired.key").toString(), 0400));
    TransportConfig t = new TransportConfig(false, "", "", "", "");
    try (ControlClient c = ControlClient.builder().config(config(secure, t)).tlsIdentity(expired).build()) {
      Throwable e = error(c, MgmtSvcGrpc.getSystemQueryMethod(), SystemQueryReq.getDefaultInstance());
      Fault f = assertInstanceOf(Fault.class, e, String.valueOf(e));
      assertEquals(FaultCode.SECURITY_INVALID_CERT, f.code());
      assertTrue(f.resolution().contains("not expired"), f.resolution());
    }
  }

  @Test
  void plaintextClientOfSecureServerGetsClearError() {
    TransportConfig t = new TransportConfig(true, "", "", "", "");
    try (ControlClient c = ControlClient.builder().config(config(secure, t)).build()) {
      Throwable e = error(c, MgmtSvcGrpc.getSystemQueryMethod(), SystemQueryReq.getDefaultInstance());
      Fault f = assertInstanceOf(Fault.class, e, e + " " + (e instanceof StatusRuntimeException x ? x.getStatus() : ""));
      assertEquals(FaultCode.CLIENT_CONNECTION_CLOSED, f.code(), f.description());
      assertTrue(f.resolution().contains("allow_insecure"), f.resolution());
    }
  }

  /** dmg's insecure transport (jdaos's h2c client) meeting a TLS server: the same fault. */
  @Test
  void h2cClientOfSecureServerGetsClearError() {
    TransportConfig t = new TransportConfig(true, "", "", "", "");
    try (ControlClient c = ControlClient.builder().config(config(secure, t))
        .channelFactory((target, creds) -> io.daos.control.h2c.H2cChannel.forTarget(target)).build()) {
      Throwable e = error(c, MgmtSvcGrpc.getSystemQueryMethod(), SystemQueryReq.getDefaultInstance());
      Fault f = assertInstanceOf(Fault.class, e, e + " " + (e instanceof StatusRuntimeException x ? x.getStatus() : ""));
      assertEquals(FaultCode.CLIENT_CONNECTION_CLOSED, f.code(), f.description());
      assertTrue(f.resolution().contains("allow_insecure"), f.resolution());
    }
  }

  @Test
  void tlsClientOfPlaintextServerGetsClearError() {
    try (ControlClient c = client(plain, certs, "admin", Component.ADMIN)) {
      Fault f = assertInstanceOf(Fault.class, error(c, MgmtSvcGrpc.getSystemQueryMethod(),
          SystemQueryReq.getDefaultInstance()));
      assertEquals(FaultCode.SECURITY_INVALID_CERT, f.code(), f.description());
      assertTrue(f.resolution().contains("allow_insecure: true here too"), f.resolution());
    }
  }

  /** A server presenting a certificate whose CN is not "server" is refused by clients (DAOS clientTLSConfig). */
  @Test
  void serverMustIdentifyAsServer() throws Exception {
    Server fake = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .sslContext(TlsServerContexts.server(identity(certs, "impostor", Clock.systemUTC())))
        .addService(new Ms().bindService()).build().start();
    try (ControlClient c = client(fake, certs, "admin", Component.ADMIN)) {
      Fault f = assertInstanceOf(Fault.class, error(c, MgmtSvcGrpc.getSystemQueryMethod(),
          SystemQueryReq.getDefaultInstance()));
      assertTrue(f.description().contains("Server certificate does not identify as Server"), f.description());
    } finally {
      fake.shutdownNow();
    }
  }

  /** DAOS's Go dmg and daos_agent offer TLS 1.2 with TLS_RSA_WITH_AES_256_GCM_SHA384 only: the server takes it. */
  @Test
  void daosGoClientSettingsAreAccepted() throws Exception {
    TlsIdentity admin = identity(certs, "admin", Clock.systemUTC());
    var ctx = GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK)
        .keyManager(admin.keyManagers()[0]).trustManager(DaosTrustManager.checkingServers(admin))
        .protocols("TLSv1.2").ciphers(List.of("TLS_RSA_WITH_AES_256_GCM_SHA384")).build();
    ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", secure.getPort()).sslContext(ctx).build();
    try {
      SystemQueryResp r = MgmtSvcGrpc.newBlockingStub(ch).withDeadlineAfter(20, TimeUnit.SECONDS)
          .withInterceptors(new DaosClientInterceptor(Component.ADMIN, BuildInfo.DAOS_VERSION, "127.0.0.1"))
          .systemQuery(SystemQueryReq.getDefaultInstance());
      assertEquals(1, r.getDataVersion());
    } finally {
      ch.shutdownNow();
    }
  }
}
