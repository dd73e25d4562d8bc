package io.daos.engine.vos;

import static io.daos.engine.vos.VosFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.daos.engine.vos.tree.VosObjectId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Unit object ids: shards of one object on one target are separate VOS objects (daos_unit_oid_t). */
class VosShardTest extends VosTestBase {
  private static final VosObjectId OBJ = VosObjectId.of(0, 7, 7);

  @Test
  @DisplayName("two shards of one object keep separate keys, values, punches and listings")
  void shardsAreSeparate() {
    VosObjectId s1 = OBJ.withShard(1);
    f.putSv(10, OBJ, "d", "a", "shard0");
    f.putSv(10, s1, "d", "a", "shard1");
    f.putSv(10, s1, "only1", "a", "x");
    assertEquals("shard0", f.svString(10, OBJ, "d", "a"));
    assertEquals("shard1", f.svString(10, s1, "d", "a"));
    assertNull(f.svString(10, OBJ, "only1", "a"));
    assertEquals(List.of(OBJ, s1), f.cont.listObjects(10, Anchor.ZERO, 10).items());
    assertEquals(1, f.cont.listDkeys(10, OBJ, Anchor.ZERO, 10).items().size());
    f.cont.punchObject(20, s1, 0);
    assertNull(f.svString(20, s1, "d", "a"));
    assertEquals("shard0", f.svString(20, OBJ, "d", "a"));
  }

  @Test
  @DisplayName("the two-argument id is shard 0; shards are uint32 and print as DAOS's hi.lo.shard")
  void defaults() {
    assertEquals(new VosObjectId(3, 4, 0), new VosObjectId(3, 4));
    VosObjectId high = new VosObjectId(3, 4, -1);
    f.putSv(10, high, "d", "a", "top");
    assertEquals("top", f.svString(10, high, "d", "a"));
    assertEquals("3.4.4294967295", high.toString());
    assertEquals(List.of(high), f.cont.listObjects(10, Anchor.ZERO, 10).items());
  }
}
