package io.daos.cart.auth;

import io.daos.cart.Opcode;
import io.daos.cart.PeerAuth;
import io.daos.cart.RpcFrame;
import io.daos.common.status.DaosStatus;
import io.daos.rpc.RpcAccess;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's check before a handler runs: it answers the handshake itself and refuses, with DER_NO_PERM, every
 * server-only opcode ({@link RpcAccess}) on a connection that did not prove the system's key. Client-facing
 * opcodes pass on any connection. Refusals are logged at WARN at most once per {@link #WARN_EVERY}, with how many
 * were refused since.
 */
public final class PeerGate {
  private static final Logger LOG = LoggerFactory.getLogger(PeerGate.class);
  static final Duration WARN_EVERY = Duration.ofSeconds(10);

  private final PeerAuth auth;
  private final IntSupplier mapVersion;
  private final LongSupplier nanos;
  private final AtomicLong lastWarn;
  private final AtomicLong refusedSince = new AtomicLong();

  public PeerGate(PeerAuth auth, IntSupplier mapVersion, LongSupplier nanos) {
    this.auth = auth;
    this.mapVersion = mapVersion;
    this.nanos = nanos;
    this.lastWarn = new AtomicLong(nanos.getAsLong() - WARN_EVERY.toNanos());
  }

  /**
   * Null when {@code req} may go on to its handler; otherwise the reply to send instead (the caller still owns
   * {@code req} and releases it).
   */
  public RpcFrame check(RpcFrame req, PeerSession session, String peer) {
    int opc = req.opcode();
    if (opc == PeerHandshake.HELLO.code()) {
      return hello(req, session, peer);
    }
    if (opc == PeerHandshake.PROOF.code()) {
      return proof(req, session, peer);
    }
    if (RpcAccess.clientFacing(opc) || fromEngine(session)) {
      return null;
    }
    refused(req, peer, auth.keyed() ? "the connection did not prove the system's key"
        : "this engine has no system key yet");
    return RpcFrame.error(req, mapVersion.getAsInt(), DaosStatus.NO_PERM.code());
  }

  /** True when requests on {@code session} come from an engine of the system (proven, or peers are not checked). */
  public boolean fromEngine(PeerSession session) {
    return session.proven() || auth.state() == PeerAuth.State.OPEN;
  }

  private RpcFrame hello(RpcFrame req, PeerSession session, String peer) {
    if (!auth.keyed() || req.body().readableBytes() != PeerHandshake.NONCE) {
      LOG.warn("{}: refusing a CART-J handshake from {}: {}", auth.name(), peer, auth.keyed()
          ? "its nonce has " + req.body().readableBytes() + " bytes" : "this engine has no system key (" + auth.state()
          + ")");
      return RpcFrame.error(req, mapVersion.getAsInt(), DaosStatus.NO_PERM.code());
    }
    byte[] nc = ByteBufUtil.getBytes(req.body());
    byte[] ns = PeerHandshake.nonce();
    session.challenged(nc, ns);
    ByteBuf body = Unpooled.wrappedBuffer(ns, auth.mac(PeerHandshake.SERVER_LABEL, nc, ns));
    return RpcFrame.reply(req, mapVersion.getAsInt(), 0, body, null);
  }

  private RpcFrame proof(RpcFrame req, PeerSession session, String peer) {
    byte[] nc = session.clientNonce();
    byte[] ns = session.serverNonce();
    if (nc == null || !auth.keyed()
        || !auth.verify(ByteBufUtil.getBytes(req.body()), PeerHandshake.CLIENT_LABEL, nc, ns)) {
      LOG.warn("{}: CART-J peer {} failed authentication ({}): its server-only RPCs will be refused", auth.name(), peer,
          nc == null ? "proof without a challenge" : "wrong key");
      session.challenged(null, null);
      return RpcFrame.error(req, mapVersion.getAsInt(), DaosStatus.NO_PERM.code());
    }
    session.prove();
    LOG.debug("{}: CART-J peer {} authenticated", auth.name(), peer);
    return RpcFrame.reply(req, mapVersion.getAsInt(), 0, null, null);
  }

  private void refused(RpcFrame req, String peer, String why) {
    long n = refusedSince.incrementAndGet();
    long now = nanos.getAsLong();
    long last = lastWarn.get();
    if (now - last >= WARN_EVERY.toNanos() && lastWarn.compareAndSet(last, now)) {
      refusedSince.addAndGet(-n);
      LOG.warn("{}: DER_NO_PERM for server-only RPC {} from {}: {} ({} refused in the last {} s)", auth.name(),
          Opcode.fromCode(req.opcode()), peer, why, n, WARN_EVERY.toSeconds());
    } else {
      LOG.debug("{}: DER_NO_PERM for {} from {}: {}", auth.name(), req, peer, why);
    }
  }
}
