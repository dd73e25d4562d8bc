package io.daos.cart.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.CartServer;
import io.daos.cart.CartTransport;
import io.daos.cart.Opcode;
import io.daos.cart.PeerAuth;
import io.daos.cart.RpcCounters;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.rpc.DtxRpc;
import io.daos.rpc.MgmtRpc;
import io.daos.rpc.ObjRpc;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Peer authentication on a CART-J transport; one tiny subclass per transport. */
public abstract class PeerAuthBehaviour {
  private static final Duration T = Duration.ofSeconds(5);
  private static final byte[] KEY = key(1);
  private final RpcCounters counters = new RpcCounters();
  private final List<AutoCloseable> closeables = new ArrayList<>();

  protected abstract CartTransport transport();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  static byte[] key(int fill) {
    byte[] k = new byte[PeerAuth.KEY_SIZE];
    Arrays.fill(k, (byte) fill);
    return k;
  }

  private CartServer server(PeerAuth auth) {
    CartServer s = CartServer.builder().transport(transport()).uri("ofi+tcp://127.0.0.1:0").name("engine")
        .counters(counters).peerAuth(auth).build();
    for (Opcode op : List.of(MgmtRpc.TGT_DESTROY, DtxRpc.COMMIT, ObjRpc.FETCH)) {
      s.register(op, (req, r) -> r.ok(0, new byte[] {1}));
    }
    closeables.add(s);
    return s.start();
  }

  private CartClient client(PeerAuth auth) {
    CartClient c = CartClient.builder().transport(transport()).name("peer").peerAuth(auth).build();
    closeables.add(c);
    return c;
  }

  private static CartReply call(CartClient c, CartServer s, Opcode op) {
    return c.callSync(s.uri(), op, 0, 0, Unpooled.wrappedBuffer(new byte[16]), null, T);
  }

  private static DaosException refused(CartClient c, CartServer s, Opcode op) {
    return assertThrows(DaosException.class, () -> call(c, s, op).close());
  }

  @Test
  void serverOnlyOpcodesFromAProcessWithoutTheKeyAreRefused() {
    CartServer s = server(PeerAuth.withKey("engine", KEY));
    CartClient plain = client(null);
    assertEquals(DaosStatus.NO_PERM, refused(plain, s, MgmtRpc.TGT_DESTROY).status());
    assertEquals(DaosStatus.NO_PERM, refused(plain, s, DtxRpc.COMMIT).status());
    assertEquals(0, counters.served(MgmtRpc.TGT_DESTROY) + counters.served(DtxRpc.COMMIT));
    call(plain, s, ObjRpc.FETCH).close();
    assertEquals(1, counters.served(ObjRpc.FETCH));
  }

  @Test
  void anEngineWithTheKeyIsServedEverything() {
    CartServer s = server(PeerAuth.withKey("engine", KEY));
    CartClient peer = client(PeerAuth.withKey("peer", KEY));
    for (Opcode op : List.of(MgmtRpc.TGT_DESTROY, DtxRpc.COMMIT, ObjRpc.FETCH, MgmtRpc.TGT_DESTROY)) {
      call(peer, s, op).close();
    }
    assertEquals(2, counters.served(MgmtRpc.TGT_DESTROY));
  }

  @Test
  void aWrongKeyFailsTheHandshakeWithAClearError() {
    CartServer s = server(PeerAuth.withKey("engine", KEY));
    CartClient other = client(PeerAuth.withKey("peer", key(2)));
    DaosException e = refused(other, s, MgmtRpc.TGT_DESTROY);
    assertEquals(DaosStatus.NO_PERM, e.status());
    assertTrue(e.getMessage().contains("peer authentication with " + s.uri() + " failed"), e.getMessage());
    assertTrue(e.getMessage().contains("same system"), e.getMessage());
    assertEquals(DaosStatus.NO_PERM, refused(other, s, ObjRpc.FETCH).status(), "a failed proof fails every call");
    assertEquals(0, counters.served(MgmtRpc.TGT_DESTROY));
  }

  @Test
  void aServerWithoutTheKeyFailsAClientsHandshake() {
    CartServer s = server(PeerAuth.withKey("engine", key(3)));
    CartClient peer = client(PeerAuth.withKey("peer", KEY));
    DaosException e = refused(peer, s, DtxRpc.COMMIT);
    assertEquals(DaosStatus.NO_PERM, e.status());
    assertTrue(e.getMessage().contains("peer authentication"), e.getMessage());
  }

  @Test
  void anEngineAwaitingItsKeyRefusesServerOnlyOpcodesAndServesThemOnceKeyed() {
    PeerAuth engine = PeerAuth.awaitingKey("engine");
    CartServer s = server(engine);
    CartClient plain = client(null);
    assertEquals(DaosStatus.NO_PERM, refused(plain, s, MgmtRpc.TGT_DESTROY).status());
    PeerAuth peerAuth = PeerAuth.awaitingKey("peer");
    CartClient peer = client(peerAuth);
    call(peer, s, ObjRpc.FETCH).close();
    engine.install(KEY);
    peerAuth.install(KEY);
    call(peer, s, MgmtRpc.TGT_DESTROY).close();
    assertEquals(DaosStatus.NO_PERM, refused(plain, s, MgmtRpc.TGT_DESTROY).status());
    assertEquals(1, counters.served(MgmtRpc.TGT_DESTROY));
  }

  @Test
  void anOpenEngineServesEveryoneAsDaosDoes() {
    PeerAuth engine = PeerAuth.awaitingKey("engine");
    engine.open("test: the control plane has no key");
    CartServer s = server(engine);
    call(client(null), s, MgmtRpc.TGT_DESTROY).close();
    assertEquals(1, counters.served(MgmtRpc.TGT_DESTROY));
  }

  @Test
  void aProofWithoutAChallengeOrWithAGuessedMacProvesNothing() {
    CartServer s = server(PeerAuth.withKey("engine", KEY));
    CartClient plain = client(null);
    assertEquals(DaosStatus.NO_PERM, refused(plain, s, PeerHandshake.PROOF).status());
    CartReply hello = plain.callSync(s.uri(), PeerHandshake.HELLO, 0, 0,
        Unpooled.wrappedBuffer(PeerHandshake.nonce()), null, T);
    assertEquals(2 * PeerHandshake.NONCE, hello.body().readableBytes());
    hello.close();
    assertEquals(DaosStatus.NO_PERM, refused(plain, s, PeerHandshake.PROOF).status());
    assertEquals(DaosStatus.NO_PERM, refused(plain, s, MgmtRpc.TGT_DESTROY).status());
    assertEquals(0, counters.served(MgmtRpc.TGT_DESTROY));
  }

  @Test
  void handlersSeeWhetherARequestCameFromAnEngine() {
    java.util.List<Boolean> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    PeerAuth engine = PeerAuth.withKey("engine", KEY);
    CartServer s = CartServer.builder().transport(transport()).uri("ofi+tcp://127.0.0.1:0").name("engine")
        .peerAuth(engine).build().register(ObjRpc.FETCH, (req, r) -> {
          seen.add(req.fromEngine());
          r.ok(0, new byte[0]);
        });
    closeables.add(s);
    s.start();
    call(client(null), s, ObjRpc.FETCH).close();
    call(client(PeerAuth.withKey("peer", KEY)), s, ObjRpc.FETCH).close();
    assertEquals(List.of(false, true), seen);
  }

  @Test
  void aKeyOfTheWrongSizeIsRefusedWithWhatToDo() {
    DaosException e = assertThrows(DaosException.class, () -> PeerAuth.withKey("engine", new byte[16]));
    assertEquals(DaosStatus.INVAL, e.status());
    assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
  }
}
