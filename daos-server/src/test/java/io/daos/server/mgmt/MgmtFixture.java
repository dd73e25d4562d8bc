package io.daos.server.mgmt;

import io.daos.proto.ctl.RanksResp;
import io.daos.proto.mgmt.ClientNetHint;
import io.daos.proto.shared.RankResult;
import io.daos.server.fanout.FakeControlInvoker;
import io.daos.server.fanout.HostResponse;
import io.daos.server.mgmt.svc.FakePoolEngines;
import io.daos.server.mgmt.svc.GroupUpdater;
import io.daos.server.mgmt.svc.GroupUpdateSender;
import io.daos.server.mgmt.svc.LocalEraser;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.sysdb.InMemorySystemDb;
import io.daos.server.system.FaultDomain;
import io.daos.server.system.Member;
import io.daos.server.system.MemberState;
import io.daos.server.system.Membership;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** DAOS's mgmt_system_test.go helpers: mock members, rank results and a leader MS over an in-memory DB. */
public final class MgmtFixture implements AutoCloseable {
  public static final String SYS = "daos_server";
  /** What the MS database's fixed clock reads: the last-update time of every record it writes. */
  public static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  public final InMemorySystemDb db = new InMemorySystemDb("127.0.0.1:10001", Clock.fixed(NOW, ZoneOffset.UTC));
  public final Membership membership = new Membership(db).withResolver(MgmtFixture::resolve);
  final MsAccess access;
  public final FakeControlInvoker invoker;
  public final MsContext ctx;
  public final MgmtService service;
  public final GroupUpdater groupUpdater;
  public final FakePoolEngines engines = new FakePoolEngines();

  public MgmtFixture(List<Member> members, FakeControlInvoker invoker, List<ClientNetHint> hints,
      GroupUpdateSender sender) {
    this(members, invoker, hints, sender, null);
  }

  public MgmtFixture(List<Member> members, FakeControlInvoker invoker, List<ClientNetHint> hints,
      GroupUpdateSender sender, LocalEraser eraser) {
    this(members, invoker, hints, sender, eraser, List.of("127.0.0.1:10001"));
  }

  public MgmtFixture(List<Member> members, FakeControlInvoker invoker, List<ClientNetHint> hints,
      GroupUpdateSender sender, LocalEraser eraser, List<String> replicas) {
    this.invoker = invoker;
    this.access = new MsAccess(SYS, replicas, true);
    members.forEach(membership::add);
    access.attach(db, membership);
    groupUpdater = sender == null ? null : new GroupUpdater(() -> membership, access.replicas(), sender);
    ctx = MsContext.builder().access(access).invoker(invoker).netHints(hints)
        .provider("tcp").groupUpdater(groupUpdater).poolEngines(engines).eraser(eraser).build();
    service = new MgmtService(ctx);
  }

  public MgmtFixture(List<Member> members, FakeControlInvoker invoker, List<ClientNetHint> hints) {
    this(members, invoker, hints, null);
  }

  @Override
  public void close() {
    if (groupUpdater != null) {
      groupUpdater.close();
    }
  }

  public MgmtFixture(List<Member> members, FakeControlInvoker invoker) {
    this(members, invoker, List.of());
  }

  private static Optional<String> resolve(String hostPort) {
    return Optional.ofNullable(Map.of("10.0.0.1:10001", "10.0.0.1:10001", "10.0.0.2:10001", "10.0.0.2:10001",
        "10.0.0.3:10001", "10.0.0.3:10001", "10.0.0.4:10001", "10.0.0.4:10001").get(hostPort));
  }

  public static String hostAddr(int a) {
    return "10.0.0." + a + ":10001";
  }

  public static UUID mockUuid(int r) {
    return UUID.fromString(String.format("00000000-0000-0000-0000-%012d", r));
  }

  /** DAOS mockMember(t, rank, addrIdx, state). */
  public static Member member(int r, int a, String state) {
    return Member.builder().rank(r).uuid(mockUuid(r)).addr(hostAddr(a)).primaryFabricUri("tcp://" + hostAddr(a))
        .primaryFabricContexts(r).faultDomain(FaultDomain.of(hostAddr(a), Integer.toString(r)))
        .incarnation(r).state(state(state)).build();
  }

  public static MemberState state(String s) {
    MemberState st = MemberState.fromString(s);
    if (st == MemberState.UNKNOWN && !s.equals("unknown")) {
      throw new IllegalArgumentException("unknown member state " + s);
    }
    return st;
  }

  public static String act2state(String action) {
    return switch (action) {
      case "prep shutdown" -> "stopping";
      case "stop" -> "stopped";
      case "start" -> "ready";
      case "reset format" -> "awaitformat";
      default -> "";
    };
  }

  public static RankResult rankFail(String action, int r, int... addr) {
    RankResult.Builder b = RankResult.newBuilder().setRank(r).setErrored(true).setMsg(action + " failed")
        .setState("errored").setAction(action);
    return (addr.length > 0 ? b.setAddr(hostAddr(addr[0])) : b).build();
  }

  public static RankResult rankSuccess(String action, int r, int... addr) {
    RankResult.Builder b = RankResult.newBuilder().setRank(r).setAction(action).setState(act2state(action));
    return (addr.length > 0 ? b.setAddr(hostAddr(addr[0])) : b).build();
  }

  public static HostResponse hr(int a, RankResult... results) {
    return HostResponse.ok(hostAddr(a), RanksResp.newBuilder().addAllResults(List.of(results)).build());
  }
}
