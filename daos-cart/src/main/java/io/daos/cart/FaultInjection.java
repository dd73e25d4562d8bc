package io.daos.cart;

import io.daos.common.status.DaosStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DAOS's fault injection ({@code DAOS_FAIL_LOC}, {@code daos_fail_loc_set}) at CART-J dispatch: a fault point armed
 * for some opcodes drops their requests, drops their replies, delays or holds them or answers them with an error, as
 * DAOS's fault points of the same names do on the engine side; a {@link Action#CHECK} point is asked by the engine
 * code where DAOS checks it ({@link #check}). One instance belongs to one server; nothing is armed by
 * default, and then each request costs one map lookup.
 */
public final class FaultInjection {
  /** DAOS_FAIL_GROUP_SHIFT and the groups of {@code src/include/daos/common.h}. */
  private static final int UNIT_TEST_GROUP_LOC = 1 << 16;
  private static final int SYS_TEST_GROUP_LOC = 2 << 16;

  /** What an armed fault does to a matching request. */
  public enum Action {
    /** The request vanishes: the caller sees its RPC time out. */
    DROP_REQUEST,
    /** The handler runs, its reply vanishes. */
    DROP_REPLY,
    /** The request waits before it goes to its target. */
    DELAY,
    /**
     * The request waits until the fault is disarmed, then goes to its target (DAOS's
     * {@code while (daos_fail_check(loc)) dss_sleep(0)}).
     */
    HOLD,
    /** The request is answered with an error status without running the handler. */
    FAIL,
    /**
     * Dispatch leaves the request alone: the engine code at the fault point asks {@link #check} and acts there, as
     * DAOS's {@code daos_fail_check(loc)} in the middle of a handler's work.
     */
    CHECK
  }

  /** DAOS fault ids that act on RPCs, with the action each stands for. */
  public enum Point {
    DAOS_SHARD_OBJ_UPDATE_TIMEOUT(UNIT_TEST_GROUP_LOC | 0x01, Action.DROP_REQUEST),
    DAOS_SHARD_OBJ_FETCH_TIMEOUT(UNIT_TEST_GROUP_LOC | 0x02, Action.DROP_REQUEST),
    DAOS_SHARD_OBJ_RW_CRT_ERROR(UNIT_TEST_GROUP_LOC | 0x05, Action.FAIL),
    /** Rebuild: the scan request never reaches the engine (arm on REBUILD_OBJECTS_SCAN). */
    DAOS_REBUILD_DROP_SCAN(UNIT_TEST_GROUP_LOC | 0x0a, Action.DROP_REQUEST),
    /** Rebuild: the source refuses the rebuild's container handle (arm on DAOS_OBJ_RPC_ENUMERATE, status NO_HDL). */
    DAOS_REBUILD_NO_HDL(UNIT_TEST_GROUP_LOC | 0x0b, Action.FAIL),
    /** Rebuild: an engine fails to start its rebuild (arm on REBUILD_OBJECTS_SCAN). */
    DAOS_REBUILD_TGT_START_FAIL(UNIT_TEST_GROUP_LOC | 0x10, Action.FAIL),
    /**
     * Rebuild: an engine takes the scan (REBUILD_OBJECTS_SCAN answered, progress reported "scan not done") and its
     * scan waits while the point is armed (arm on REBUILD_OBJECTS_SCAN; DAOS {@code rebuild_scanner} sleeps while
     * {@code daos_fail_check} holds; a reclaim is not held).
     */
    DAOS_REBUILD_TGT_SCAN_HANG(UNIT_TEST_GROUP_LOC | 0x12, Action.CHECK),
    /**
     * Rebuild: each pull waits at its destination until the fault is disarmed (arm on DAOS_OBJ_RPC_MIGRATE; DAOS
     * spins in {@code migrate_one_ult}), so the rebuild stays busy as long as a test needs it to.
     */
    DAOS_REBUILD_TGT_REBUILD_HANG(UNIT_TEST_GROUP_LOC | 0x13, Action.HOLD),
    /** Rebuild: the leader's tracking hangs (arm on REBUILD_REPORT: the reports never reach the leader). */
    DAOS_REBUILD_HANG(UNIT_TEST_GROUP_LOC | 0x14, Action.DROP_REQUEST),
    /** Rebuild: sending objects to their new home fails (arm on DAOS_OBJ_RPC_MIGRATE). */
    DAOS_REBUILD_TGT_SEND_OBJS_FAIL(UNIT_TEST_GROUP_LOC | 0x15, Action.FAIL),
    /**
     * Rebuild: migrating an object fails (DAOS fails {@code migrate_one_ult} with -DER_IO once its object count
     * reaches the fail value; arm on DAOS_OBJ_RPC_ENUMERATE once some objects are pulled, status IO).
     */
    DAOS_REBUILD_OBJ_FAIL(UNIT_TEST_GROUP_LOC | 0x9c, Action.FAIL),
    /** Rebuild: the armed rebuild RPCs wait (arm on DAOS_OBJ_RPC_ENUMERATE to slow the pulls down). */
    DAOS_REBUILD_DELAY(UNIT_TEST_GROUP_LOC | 0x19, Action.DELAY),
    DAOS_DTX_LOST_RPC_REQUEST(UNIT_TEST_GROUP_LOC | 0x33, Action.DROP_REQUEST),
    DAOS_DTX_LOST_RPC_REPLY(UNIT_TEST_GROUP_LOC | 0x34, Action.DROP_REPLY),
    DAOS_DTX_RESEND_DELAY1(UNIT_TEST_GROUP_LOC | 0x48, Action.DELAY),
    DAOS_FAIL_LOST_REQ(UNIT_TEST_GROUP_LOC | 0x72, Action.DROP_REQUEST),
    DAOS_SHARD_OBJ_RW_DROP_REPLY(SYS_TEST_GROUP_LOC | 0x80, Action.DROP_REPLY);

    private final int id;
    private final Action action;

    Point(int id, Action action) {
      this.id = id;
      this.action = action;
    }

    /** The fail_loc id (group and number), as DAOS_FAIL_LOC carries it. */
    public int id() {
      return id;
    }

    public Action action() {
      return action;
    }
  }

  /** One armed point: its fail value is the error status (FAIL) or the wait (DELAY). */
  public record Fault(Point point, DaosStatus status, Duration delay) {
    public Fault {
      Objects.requireNonNull(point, "point");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(delay, "delay");
    }

    public Action action() {
      return point.action();
    }
  }

  private final Map<Integer, Fault> armed = new ConcurrentHashMap<>();
  /** Faults armed once, with the opcodes they were armed for. */
  private final Map<Fault, java.util.Set<Integer>> once =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  /** Arms {@code point} for {@code opcodes}; FAIL points answer DER_IO, DELAY points wait one second. */
  public void arm(Point point, Collection<Opcode> opcodes) {
    arm(new Fault(point, DaosStatus.IO, Duration.ofSeconds(1)), opcodes);
  }

  /** Arms {@code fault} for {@code opcodes}, replacing what was armed for them. */
  public void arm(Fault fault, Collection<Opcode> opcodes) {
    opcodes.forEach(o -> armed.put(o.code(), fault));
  }

  /**
   * Arms {@code point} for {@code opcodes} to act once (DAOS_FAIL_ONCE): the first matching request takes it and
   * disarms it for every opcode it was armed for.
   */
  public void armOnce(Point point, Collection<Opcode> opcodes) {
    armOnce(new Fault(point, DaosStatus.IO, Duration.ofSeconds(1)), opcodes);
  }

  /** {@link #armOnce(Point, Collection)} with {@code f}'s status (FAIL) or wait (DELAY). */
  public void armOnce(Fault f, Collection<Opcode> opcodes) {
    java.util.Set<Integer> codes = new java.util.HashSet<>();
    opcodes.forEach(o -> codes.add(o.code()));
    once.put(f, codes);
    arm(f, opcodes);
  }

  /** True while {@code fault} is armed for {@code opcode}. */
  public boolean armed(int opcode, Fault fault) {
    return armed.get(opcode) == fault;
  }

  /** Disarms whatever is armed for {@code opcodes}. */
  public void disarm(Collection<Opcode> opcodes) {
    opcodes.forEach(o -> armed.remove(o.code()));
  }

  /** Disarms everything ({@code DAOS_FAIL_LOC=0}). */
  public void clear() {
    armed.clear();
    once.clear();
  }

  /**
   * DAOS's {@code daos_fail_check} at a fault point in engine code ({@link Action#CHECK} points): true while
   * {@code point} is armed for {@code opcode}. A point armed once is disarmed by the first check that finds it.
   */
  public boolean check(Point point, Opcode opcode) {
    Fault f = armed.isEmpty() ? null : armed.get(opcode.code());
    return f != null && f.point() == point && take(f);
  }

  /**
   * The fault armed for {@code opcode} that dispatch acts on, or null; {@link Action#CHECK} points are left to
   * {@link #check} (and stay armed).
   */
  public Fault match(int opcode) {
    Fault f = armed.isEmpty() ? null : armed.get(opcode);
    if (f == null || f.action() == Action.CHECK) {
      return null;
    }
    return take(f) ? f : null;
  }

  /** False when {@code f} was armed once and another request took it first; a once-armed fault is disarmed. */
  private boolean take(Fault f) {
    if (once.isEmpty()) {
      return true;
    }
    java.util.Set<Integer> codes = once.get(f);
    if (codes == null) {
      return true;
    }
    if (once.remove(f) == null) {
      return false;
    }
    codes.forEach(c -> armed.remove(c, f));
    return true;
  }
}
