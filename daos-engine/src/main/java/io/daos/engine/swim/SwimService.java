package io.daos.engine.swim;

import io.daos.cart.CartClient;
import io.daos.cart.CartReplier;
import io.daos.cart.CartReply;
import io.daos.cart.CartServer;
import io.daos.cart.Opcode;
import io.daos.common.DaemonThreads;
import io.daos.common.LogLimiter;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Futures;
import io.daos.proto.swim.SwimReq;
import io.daos.proto.swim.SwimResp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs SWIM for one engine over CART-J on its own thread (DAOS runs it on a dedicated xstream): the state machine,
 * every tick, every answer and every request handled here happen on that thread; CART-J handlers only decode and
 * hand off, so a busy target xstream is never held up. The members come from the engine's group map, read through
 * a {@link Roster} supplier at every tick; until the engine has a rank nothing is probed.
 */
public final class SwimService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SwimService.class);
  /** Peers decide how often bad requests arrive; the lines about them are rate-limited. */
  private static final LogLimiter LOG_LIMIT = LogLimiter.perMinute();

  /** A member's CART-J URI and the incarnation the group map gives it. */
  public record Peer(String uri, long incarnation) {
  }

  /** This engine's rank and the group map's members (this engine may be among them). */
  public record Roster(int self, Map<Integer, Peer> peers) {
    public Roster {
      peers = Map.copyOf(peers);
    }
  }

  private final String name;
  private final SwimConfig cfg;
  private final long selfIncarnation;
  private final Supplier<Roster> roster;
  private final CartClient client;
  private final Swim.Listener listener;
  private final ScheduledExecutorService xstream;
  private final Random random = new Random();
  private Swim swim;
  private Roster last;

  /**
   * @param roster the current rank and group map; null while the engine has no rank
   * @param client the CART-J client SWIM sends with (not closed here)
   */
  public SwimService(String name, SwimConfig cfg, long selfIncarnation, Supplier<Roster> roster, CartClient client,
      Swim.Listener listener) {
    this.name = name;
    this.cfg = cfg;
    this.selfIncarnation = selfIncarnation;
    this.roster = roster;
    this.client = client;
    this.listener = listener;
    this.xstream = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name.replace(' ', '-') + "-swim"));
  }

  /** Serves PING and IREQ on {@code server}. */
  public CartServer registerOn(CartServer server) {
    server.register(SwimRpc.PING, (req, reply) -> handOff(req.bodyBytes(), reply, this::servePing));
    server.register(SwimRpc.IREQ, (req, reply) -> handOff(req.bodyBytes(), reply, this::serveIreq));
    return server;
  }

  /** Starts ticking. */
  public SwimService start() {
    xstream.scheduleWithFixedDelay(this::tick, 0, cfg.tickMs(), TimeUnit.MILLISECONDS);
    LOG.info("{}: SWIM started: period {} ms, ping timeout {} ms, suspect timeout {} ms", name, cfg.periodMs(),
        cfg.pingTimeoutMs(), cfg.suspectTimeoutMs());
    return this;
  }

  /** Runs {@code task} on the SWIM thread and waits for it (tests use it to read the state machine). */
  public <T> T onSwimThread(Callable<T> task) throws Exception {
    return xstream.submit(task).get(10, TimeUnit.SECONDS);
  }

  /**
   * The members SWIM holds DEAD (DAOS {@code crt_rank_state_get} over the group's ranks, as
   * {@code ds_mgmt_get_group_status} reads them); empty before the engine has a rank.
   */
  public java.util.Set<Integer> deadRanks() {
    try {
      return onSwimThread(() -> {
        java.util.Set<Integer> dead = new java.util.TreeSet<>();
        Roster r = last;
        if (swim == null || r == null) {
          return dead;
        }
        for (int rank : r.peers().keySet()) {
          if (swim.status(rank) == MemberStatus.DEAD) {
            dead.add(rank);
          }
        }
        return dead;
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.daos.common.status.DaosException(io.daos.common.status.DaosStatus.CANCELED,
          "interrupted while reading SWIM's member states");
    } catch (Exception e) {
      throw new io.daos.common.status.DaosException(io.daos.common.status.DaosStatus.TIMEDOUT,
          "SWIM's member states could not be read: " + e);
    }
  }

  /** The state machine (null before the engine has a rank); touch it only on the SWIM thread. */
  Swim swim() {
    return swim;
  }

  /** SWIM's clock: monotonic, so that a wall-clock step cannot make every member look late at once. */
  private static long monotonicMillis() {
    return System.nanoTime() / 1_000_000;
  }

  private void tick() {
    try {
      Roster r = roster.get();
      if (r == null) {
        return;
      }
      if (swim == null || swim.self() != r.self()) {
        swim = new Swim(name, r.self(), selfIncarnation, cfg, SwimService::monotonicMillis, random, new Sender(),
            listener);
        last = null;
      }
      if (!r.equals(last)) {
        last = r;
        swim.setMembers(r.peers().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().incarnation())));
      }
      swim.tick();
    } catch (RuntimeException e) {
      LOG.error("{}: SWIM tick failed", name, e);
    }
  }

  private void handOff(byte[] body, CartReplier reply, BiConsumer<SwimReq, CartReplier> serve) {
    SwimReq req;
    try {
      req = SwimReq.parseFrom(body);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      LOG_LIMIT.warn(LOG, "malformed", "{}: malformed SWIM request: {}", name, e.getMessage());
      reply.error(DaosStatus.PROTO, 0);
      return;
    }
    try {
      xstream.execute(() -> {
        if (swim == null) {
          reply.error(DaosStatus.UNINIT, 0);
        } else {
          serve.accept(req, reply);
        }
      });
    } catch (RejectedExecutionException stopping) {
      reply.error(DaosStatus.SHUTDOWN, 0);
    }
  }

  private void servePing(SwimReq req, CartReplier reply) {
    List<MemberUpdate> upds = swim.onRequest(req.getFrom(), SwimRpc.decode(req.getUpdsList()));
    reply.ok(0, resp(0, upds));
  }

  /** IREQ: ping {@code swim_id} for the sender and tell it whether the ping was answered. */
  private void serveIreq(SwimReq req, CartReplier reply) {
    int from = req.getFrom();
    int target = req.getSwimId();
    swim.onUpdates(from, SwimRpc.decode(req.getUpdsList()));
    Peer p = last == null ? null : last.peers().get(target);
    if (p == null || p.uri().isEmpty()) {
      reply.ok(0, resp(DaosStatus.OOG.code(), swim.updatesFor(from)));
      return;
    }
    send(p.uri(), SwimRpc.PING, target, swim.updatesFor(target), Duration.ofMillis(cfg.pingTimeoutMs()),
        (status, upds) -> {
          if (status == 0) {
            swim.onAck(target, upds);
          }
          reply.ok(0, resp(status, swim.updatesFor(from)));
        });
  }

  private static byte[] resp(int rc, List<MemberUpdate> upds) {
    return SwimResp.newBuilder().setRc(rc).addAllUpds(SwimRpc.encode(upds)).build().toByteArray();
  }

  /** Answers are handled on the SWIM thread: {@code then} gets the status (0, remote rc or DER) and updates. */
  private void send(String uri, Opcode op, int swimId, List<MemberUpdate> upds, Duration timeout,
      BiConsumer<Integer, List<MemberUpdate>> then) {
    byte[] body = SwimReq.newBuilder().setSwimId(swimId).setFrom(swim.self()).addAllUpds(SwimRpc.encode(upds))
        .build().toByteArray();
    CompletableFuture<CartReply> f = client.callWrapped(uri, op, 0, 0, body, null, timeout);
    f.whenComplete((r, err) -> {
      int status;
      List<MemberUpdate> got = List.of();
      if (err != null) {
        Throwable c = Futures.cause(err);
        status = c instanceof DaosException de ? de.status().code() : DaosStatus.MISC.code();
      } else {
        try (r) {
          SwimResp resp = SwimResp.parseFrom(r.bodyBytes());
          status = r.status() != 0 ? r.status() : resp.getRc();
          got = SwimRpc.decode(resp.getUpdsList());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          status = DaosStatus.PROTO.code();
        }
      }
      int s = status;
      List<MemberUpdate> u = got;
      runOnSwim(() -> then.accept(s, u));
    });
  }

  private void runOnSwim(Runnable r) {
    try {
      xstream.execute(r);
    } catch (RejectedExecutionException stopping) {
      LOG.debug("{}: SWIM stopped; answer dropped", name);
    }
  }

  /** The state machine's outbox: CART-J RPCs to the URIs of the current roster. */
  private final class Sender implements Swim.Outbox {
    @Override
    public void ping(int to, List<MemberUpdate> upds) {
      withUri(to, uri -> send(uri, SwimRpc.PING, to, upds, Duration.ofMillis(cfg.pingTimeoutMs()),
          (status, got) -> {
            if (status == 0) {
              swim.onAck(to, got);
            } else {
              LOG.debug("{}: SWIM ping of rank {} failed: {}", name, to, DaosStatus.fromCode(status));
            }
          }));
    }

    @Override
    public void indirectPing(int via, int target, List<MemberUpdate> upds) {
      withUri(via, uri -> send(uri, SwimRpc.IREQ, target, upds, Duration.ofMillis(2 * cfg.pingTimeoutMs()),
          (status, got) -> {
            if (status == 0) {
              swim.onIndirectAck(via, target, got);
            } else {
              swim.onUpdates(via, got);
            }
          }));
    }

    private void withUri(int rank, Consumer<String> then) {
      Peer p = last == null ? null : last.peers().get(rank);
      if (p != null && !p.uri().isEmpty()) {
        then.accept(p.uri());
      }
    }
  }

  @Override
  public void close() {
    xstream.shutdownNow();
  }
}
