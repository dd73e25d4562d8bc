package io.daos.engine.swim;

import io.daos.cart.Opcode;
import io.daos.proto.swim.SwimStatus;
import io.daos.proto.swim.SwimUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * SWIM's opcodes, in CaRT's own range as DAOS sends them: protocol base {@code CRT_OPC_SWIM_BASE} (0xFE000000),
 * version {@code CRT_OPC_SWIM_VERSION} (2), ops {@code SWIM_RPC_PING} (0) and {@code SWIM_RPC_IREQ} (1), i.e.
 * 0xFE020000 and 0xFE020001 ({@code src/cart/crt_swim.c}). Bodies are {@code jdaos/swim.proto}; the conversions
 * between them and {@link MemberUpdate} live here.
 */
public final class SwimRpc {
  static final int BASE_MODULE = 0xFE;
  static final int VERSION = 2;
  public static final Opcode PING = Opcode.of(BASE_MODULE, VERSION, 0);
  public static final Opcode IREQ = Opcode.of(BASE_MODULE, VERSION, 1);

  private SwimRpc() {
  }

  static List<SwimUpdate> encode(List<MemberUpdate> upds) {
    List<SwimUpdate> out = new ArrayList<>(upds.size());
    for (MemberUpdate u : upds) {
      out.add(SwimUpdate.newBuilder().setRank(u.rank()).setIncarnation(u.incarnation())
          .setStatus(SwimStatus.forNumber(u.status().ordinal())).build());
    }
    return out;
  }

  /** The updates of {@code upds}; entries with an unknown status (a newer peer) are skipped. */
  static List<MemberUpdate> decode(List<SwimUpdate> upds) {
    List<MemberUpdate> out = new ArrayList<>(upds.size());
    MemberStatus[] statuses = MemberStatus.values();
    for (SwimUpdate u : upds) {
      int s = u.getStatusValue();
      if (s >= 0 && s < statuses.length) {
        out.add(new MemberUpdate(u.getRank(), u.getIncarnation(), statuses[s]));
      }
    }
    return out;
  }
}
