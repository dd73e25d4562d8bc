package io.daos.cart;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests of each opcode a server's handlers have taken (DAOS's per-opcode {@code ops} telemetry):
 * requests refused before a handler ran (unknown opcode, injected fault) are not counted.
 */
public final class RpcCounters {
  private final Map<Integer, LongAdder> served = new ConcurrentHashMap<>();

  public void served(int opcode) {
    served.computeIfAbsent(opcode, k -> new LongAdder()).increment();
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
}
