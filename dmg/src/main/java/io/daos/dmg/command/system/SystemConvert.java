package io.daos.dmg.command.system;

import io.daos.dmg.output.system.Member;
import io.daos.dmg.output.system.MemberResult;
import io.daos.dmg.output.system.MemberStates;
import io.daos.proto.mgmt.SystemMember;
import io.daos.proto.shared.RankResult;
import java.util.List;

/** Protobuf → dmg output model for system responses, following DAOS's JSON conventions. */
final class SystemConvert {
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private SystemConvert() {
  }

  static Member member(SystemMember m) {
    return new Member(m.getAddr(), MemberStates.lower(m.getState()), faultDomain(m.getFaultDomain()),
        m.getRank(), m.getIncarnation(), m.getUuid(), m.getFabricUri(), nullIfEmpty(m.getSecondaryFabricUrisList()),
        m.getFabricContexts(), null, m.getInfo(), m.getLastUpdate().isEmpty() ? ZERO_TIME : m.getLastUpdate());
  }

  static MemberResult result(RankResult r) {
    return new MemberResult(MemberStates.lower(r.getState()), r.getAddr(), r.getRank(), r.getAction(),
        r.getErrored(), r.getMsg());
  }

  static List<Member> members(List<SystemMember> in) {
    return in.isEmpty() ? null : in.stream().map(SystemConvert::member).toList();
  }

  static List<MemberResult> results(List<RankResult> in) {
    return in.isEmpty() ? null : in.stream().map(SystemConvert::result).toList();
  }

  static <T> List<T> nullIfEmpty(List<T> in) {
    return in == null || in.isEmpty() ? null : List.copyOf(in);
  }

  private static String faultDomain(String fd) {
    return fd == null || fd.isEmpty() ? "/" : fd;
  }
}
