package io.daos.server.fanout;

import io.daos.proto.mgmt.SystemMember;
import io.daos.proto.shared.RASEvent;
import io.daos.proto.shared.RankResult;
import io.daos.server.system.Member;
import io.daos.server.system.MemberResult;
import io.daos.server.system.MemberState;
import io.daos.server.events.RasEvent;
import io.daos.server.events.RasEventId;
import java.time.format.DateTimeFormatter;

/** Conversions between the membership's domain types and their protobuf messages (DAOS proto/convert). */
public final class MemberProtos {
  private MemberProtos() {
  }

  public static SystemMember toProto(Member m) {
    SystemMember.Builder b = SystemMember.newBuilder()
        .setAddr(m.addr())
        .setUuid(m.uuid().toString())
        .setRank(m.rank())
        .setIncarnation(m.incarnation())
        .setState(m.state().jsonString())
        .setFabricUri(m.primaryFabricUri())
        .setFabricContexts(m.primaryFabricContexts())
        .setInfo(m.info())
        .setFaultDomain(m.faultDomain().toString())
        .addAllSecondaryFabricUris(m.secondaryFabricUris());
    if (m.lastUpdate().getEpochSecond() != 0) {
      b.setLastUpdate(DateTimeFormatter.ISO_INSTANT.format(m.lastUpdate()));
    }
    return b.build();
  }

  public static RankResult toProto(MemberResult r, String action) {
    return RankResult.newBuilder()
        .setRank(r.rank())
        .setAction(action)
        .setErrored(r.errored())
        .setMsg(r.msg())
        .setState(r.state().jsonString())
        .setAddr(r.addr())
        .build();
  }

  static MemberResult fromProto(RankResult r) {
    MemberState state = MemberState.fromString(r.getState());
    return new MemberResult(r.getRank(), r.getAddr(), r.getAction(), r.getErrored(), r.getMsg(), state);
  }

  public static RasEvent fromProto(RASEvent e) {
    return new RasEvent(RasEventId.fromNumber(e.getId()), e.getMsg(), e.getHostname(), e.getRank(),
        e.getIncarnation());
  }
}
