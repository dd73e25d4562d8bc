package io.daos.engine.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import com.google.protobuf.ByteString;
import io.daos.engine.vos.store.VosOptions;
import io.daos.proto.pool.PoolOp;
import io.daos.proto.pool.PoolTgtQueryReply;
import io.daos.proto.pool.PoolTgtQueryReq;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TgtQueryHandlerTest {
  private static final UUID POOL = UUID.fromString("11111111-2222-3333-4444-555555555555");

  @TempDir
  Path scm;
  private TargetXstreams xs;
  private PoolTargets pools;
  private TgtQueryHandler handler;

  @BeforeEach
  void start() {
    xs = new TargetXstreams("test", 2);
    pools = new PoolTargets(scm, xs, VosOptions.defaults().withMapSize(64L << 20).withDurable(false));
    pools.create(POOL, new PoolTiers(2L << 20, 4L << 20));
    handler = new TgtQueryHandler(pools, Runnable::run);
  }

  @AfterEach
  void stop() {
    pools.close();
    xs.close();
  }

  private static PoolTgtQueryReq req(UUID pool, Integer... targets) {
    return PoolTgtQueryReq.newBuilder().setOp(PoolOp.newBuilder().setPoolUuid(Uuids.toByteString(pool)))
        .addAllTargets(List.of(targets)).build();
  }

  @Test
  void answersEveryTargetOrTheOnesAskedInTheirOrder() {
    PoolTgtQueryReply all = handler.answer(req(POOL));
    assertEquals(0, all.getStatus());
    assertEquals(2, all.getTargetsCount());
    assertEquals(1L << 20, all.getTargets(0).getTiers(0).getTotal(), "SCM share of one of 2 targets");
    assertEquals(2L << 20, all.getTargets(0).getTiers(1).getTotal(), "NVMe share of one of 2 targets");
    assertEquals(2, handler.answer(req(POOL, 1, 0)).getTargetsCount());
  }

  @Test
  void unknownTargetIndexIsNonexistAsInDaos() {
    assertEquals(DaosStatus.NONEXIST.code(), handler.answer(req(POOL, 0, 2)).getStatus());
    assertEquals(DaosStatus.NONEXIST.code(), handler.answer(req(UUID.randomUUID())).getStatus(), "unknown pool");
  }
}
