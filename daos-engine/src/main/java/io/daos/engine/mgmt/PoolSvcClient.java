package io.daos.engine.mgmt;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.Opcode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Ticker;
import io.daos.proto.pool.PoolOpReply;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a pool's service leader over CART-J from any engine (DAOS's {@code dsc_pool_svc_call} / rsvc client): tries
 * the service replicas in turn, follows a follower's leader hint (DER_NOTLEADER), skips a rank without the replica
 * (DER_NOTREPLICA) or one that cannot be reached, and waits a little when no leader is elected yet; a replica
 * that answered DER_NOTREPLICA is asked again until the call's timeout (it may be opening). Returns the
 * leader's reply; if none answered as leader, the last reply, or a DaosException with the last transport status.
 */
final class PoolSvcClient {
  /** Pause before asking a replica again that knew no leader (an election is running). */
  static final long ELECTION_PAUSE_MS = 200;
  private static final Logger LOG = LoggerFactory.getLogger(PoolSvcClient.class);

  private final CartClient client;
  private final IntFunction<Optional<String>> rankUri;
  private final Duration timeout;
  private final Ticker ticker;

  PoolSvcClient(CartClient client, IntFunction<Optional<String>> rankUri, Duration timeout) {
    this(client, rankUri, timeout, Ticker.SYSTEM);
  }

  /** {@code ticker}: where the pause while a leader is elected is taken. */
  PoolSvcClient(CartClient client, IntFunction<Optional<String>> rankUri, Duration timeout, Ticker ticker) {
    this.client = client;
    this.rankUri = rankUri;
    this.timeout = timeout;
    this.ticker = ticker;
  }

  <R> R call(UUID pool, List<Integer> replicas, Opcode op, byte[] body, RankCalls.Parser<R> parser,
      Function<R, PoolOpReply> opOf) {
    if (replicas.isEmpty()) {
      throw new DaosException(DaosStatus.NO_SERVICE, "pool " + pool + ": no service replica ranks known");
    }
    Deque<Integer> todo = new ArrayDeque<>(replicas);
    int budget = 3 * replicas.size() + 2;
    long deadline = ticker.nanoTime() + timeout.toNanos();
    R last = null;
    DaosException failure = new DaosException(DaosStatus.NO_SERVICE, "pool " + pool + ": no replica answered");
    while (!todo.isEmpty() && budget-- > 0) {
      int rank = todo.poll();
      try {
        R reply = callOne(rank, op, body, parser, opOf);
        PoolOpReply st = opOf.apply(reply);
        if (st.getStatus() != DaosStatus.NOTLEADER.code() && st.getStatus() != DaosStatus.NOTREPLICA.code()) {
          return reply;
        }
        last = reply;
        if (st.getStatus() == DaosStatus.NOTLEADER.code()) {
          follow(rank, st, todo);
        } else if (ticker.nanoTime() - deadline < 0) {
          // A replica not (yet) open, e.g. an engine that just restarted: ask it again later, as DAOS's
          // dsc_pool_svc_call keeps trying until its deadline; the pause comes when no other replica is left.
          boolean alone = todo.isEmpty();
          todo.addLast(rank);
          budget++;
          if (alone) {
            pause();
          }
        }
        LOG.debug("pool {}: rank {} answered {} to {}", pool, rank, DaosStatus.fromCode(st.getStatus()), op);
      } catch (DaosException e) {
        LOG.warn("pool {}: {} to service rank {} failed: {}", pool, op, rank, e.getMessage());
        failure = e;
      }
    }
    if (last != null) {
      return last;
    }
    throw failure;
  }

  /**
   * One call. The pool service answers errors in its reply header with CART status 0; the container service also
   * puts the status in CART's, with the same reply: such a reply is returned as an answer, not thrown.
   */
  private <R> R callOne(int rank, Opcode op, byte[] body, RankCalls.Parser<R> parser, Function<R, PoolOpReply> opOf) {
    String uri = rankUri.apply(rank).orElseThrow(() -> new DaosException(DaosStatus.OOG, "service rank " + rank
        + " is not in this engine's group map"));
    try (CartReply r = CartClient.await(client.callWrapped(uri, op, 0, 0, body, null, timeout))) {
      if (r.status() != 0) {
        R answer = answerOrNull(r, parser, opOf);
        if (answer == null) {
          throw new DaosException(DaosStatus.fromCode(r.status()), "rank " + rank + " answered an error");
        }
        return answer;
      }
      return parser.parse(r.bodyBytes());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.PROTO, "rank " + rank + " sent a malformed reply: " + e.getMessage());
    }
  }

  private static <R> R answerOrNull(CartReply r, RankCalls.Parser<R> parser, Function<R, PoolOpReply> opOf) {
    try {
      R answer = parser.parse(r.bodyBytes());
      return opOf.apply(answer).getStatus() == r.status() ? answer : null;
    } catch (com.google.protobuf.InvalidProtocolBufferException | RuntimeException e) {
      return null;
    }
  }

  /** Asks the hinted leader next; with no hint, asks this replica again after a pause. */
  private void follow(int rank, PoolOpReply st, Deque<Integer> todo) {
    if (st.hasHint() && st.getHint().getValid() && st.getHint().getLeaderRank() != rank) {
      todo.remove(st.getHint().getLeaderRank());
      todo.addFirst(st.getHint().getLeaderRank());
      return;
    }
    todo.addLast(rank);
    pause();
  }

  private void pause() {
    try {
      ticker.sleep(Duration.ofMillis(ELECTION_PAUSE_MS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DaosException(DaosStatus.CANCELED, "interrupted while waiting for a pool service leader");
    }
  }
}
