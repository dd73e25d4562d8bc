package io.daos.cart;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The RPC counters of one CART-J context, server and client side (DAOS's {@code CRT_METRICS_LIST} in
 * {@code crt_internal_types.h} and the Mercury-layer counters of {@code crt_hg_ctx_init_tm}), plus how many requests
 * of each opcode the handlers took. A server counts every request frame it receives ({@code hg/req_recv}), those
 * handed to their handler ({@code CM_RPC_RECV}; requests refused first, for an unknown opcode or an injected fault,
 * are not), and the replies it sends ({@code CM_RPC_REPLIED}, {@code hg/resp_sent}); the requests received and not
 * yet answered are {@code hg/active_rpcs}. A client counts what it sends and how the calls ended.
 */
public final class RpcCounters {
  /** DAOS's descriptions of the leaves {@link #counters()} names. */
  private static final Map<String, String> HELP = Map.ofEntries(
      Map.entry("cm_rpc_recv", "Total number of RPCs received"),
      Map.entry("cm_rpc_replied", "Total number of RPCs replied to"),
      Map.entry("cm_rpc_sent", "Total number of RPCs sent"),
      Map.entry("cm_rpc_completed", "Total number of RPCs completed successfully"),
      Map.entry("cm_rpc_completed_err", "Total number of sent RPCs completed with error"),
      Map.entry("cm_rpc_timedout", "Total number of timed out RPC send requests"),
      Map.entry("cm_net_glitches", "Total number of network glitch errors"),
      Map.entry("hg_req_recv", "Mercury-layer count of RPC requests received"),
      Map.entry("hg_resp_sent", "Mercury-layer count of RPC responses sent"),
      Map.entry("hg_req_sent", "Mercury-layer count of RPC requests sent"),
      Map.entry("hg_resp_recv", "Mercury-layer count of RPC responses received"),
      Map.entry("hg_active_rpcs", "Mercury-layer count of active RPCs"));
  private final Map<Integer, LongAdder> served = new ConcurrentHashMap<>();
  private final LongAdder reqRecv = new LongAdder();
  private final LongAdder replied = new LongAdder();
  private final AtomicLong active = new AtomicLong();
  private final LongAdder sent = new LongAdder();
  private final LongAdder respRecv = new LongAdder();
  private final LongAdder completed = new LongAdder();
  private final LongAdder completedErr = new LongAdder();
  private final LongAdder timedOut = new LongAdder();
  private final LongAdder glitches = new LongAdder();

  /** A request frame arrived (answered or not): {@code hg/req_recv}, and it is active until replied. */
  public void received() {
    reqRecv.increment();
    active.incrementAndGet();
  }

  /** The request {@link #received} got its reply, or was dropped without one. */
  public void answered(boolean replySent) {
    active.decrementAndGet();
    if (replySent) {
      replied.increment();
    }
  }

  /** A request of {@code opcode} was handed to its handler ({@code CM_RPC_RECV}). */
  public void served(int opcode) {
    served.computeIfAbsent(opcode, k -> new LongAdder()).increment();
  }

  /** A client sent a request ({@code CM_RPC_SENT}, {@code hg/req_sent}). */
  public void sent() {
    sent.increment();
  }

  /** A call {@link #sent} ended: with a reply ({@code ok} or an error status), or without one. */
  public void ended(Outcome outcome) {
    switch (outcome) {
      case OK -> {
        respRecv.increment();
        completed.increment();
      }
      case ERROR_REPLY -> {
        respRecv.increment();
        completedErr.increment();
      }
      case TIMED_OUT -> {
        timedOut.increment();
        completedErr.increment();
      }
      case UNREACHABLE -> {
        glitches.increment();
        completedErr.increment();
      }
      default -> completedErr.increment();
    }
  }

  /** How a call ended, as {@link #ended} counts it. */
  public enum Outcome {
    /** A reply with status 0. */
    OK,
    /** An error reply from the server. */
    ERROR_REPLY,
    /** No reply in time ({@code CM_RPC_TIMEDOUT}). */
    TIMED_OUT,
    /**
     * The endpoint could not be reached or the connection was lost under the call ({@code CM_NET_GLITCHES}; CART-J
     * has no address lookup, so DAOS's {@code CM_FAILED_ADDR} and URI-lookup counters have nothing to count).
     */
    UNREACHABLE,
    /** Anything else (refused before sending, cancelled). */
    OTHER
  }

  /** Every opcode's count now. */
  public Map<Opcode, Long> snapshot() {
    Map<Opcode, Long> out = new HashMap<>();
    served.forEach((op, n) -> out.put(Opcode.fromCode(op), n.sum()));
    return out;
  }

  /** Requests of {@code opcode} handed to their handler so far. */
  public long served(Opcode opcode) {
    LongAdder n = served.get(opcode.code());
    return n == null ? 0 : n.sum();
  }

  /**
   * The counters under DAOS's telemetry leaf names ({@code CM_RPC_RECV}, {@code hg/req_sent}, ...), lower-cased with
   * {@code _} for {@code /}: what DAOS's exporter makes of {@code net/<provider>/<leaf>/ctx_<i>}.
   */
  public Map<String, Long> counters() {
    long recv = 0;
    for (LongAdder n : served.values()) {
      recv += n.sum();
    }
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("cm_rpc_recv", recv);
    m.put("cm_rpc_replied", replied.sum());
    m.put("cm_rpc_sent", sent.sum());
    m.put("cm_rpc_completed", completed.sum());
    m.put("cm_rpc_completed_err", completedErr.sum());
    m.put("cm_rpc_timedout", timedOut.sum());
    m.put("cm_net_glitches", glitches.sum());
    m.put("hg_req_recv", reqRecv.sum());
    m.put("hg_resp_sent", replied.sum());
    m.put("hg_req_sent", sent.sum());
    m.put("hg_resp_recv", respRecv.sum());
    return m;
  }

  /** DAOS's description of leaf {@code leaf} of {@link #counters()} (or {@code hg_active_rpcs}). */
  public static String help(String leaf) {
    return HELP.getOrDefault(leaf, leaf);
  }

  /** Requests received and not answered yet ({@code hg/active_rpcs}). */
  public long active() {
    return active.get();
  }
}
