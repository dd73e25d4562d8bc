package io.daos.engine.obj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.obj.ObjPunchReply;
import io.daos.proto.obj.ObjRwReply;
import org.junit.jupiter.api.Test;

/** Error replies carry the engine's reason in the object replies' {@code reason} field (a jdaos extension). */
class ErrorReasonTest {
  @Test
  void daosErrorGivesItsMessageWithoutTheStatus() {
    ObjRwReply r = (ObjRwReply) ObjHandlers.withReason(ObjRwReply.newBuilder().setStatus(-1002).build(),
        new DaosException(DaosStatus.KEY2BIG, "dkey of 600 bytes exceeds the 486-byte limit"));
    assertEquals(-1002, r.getStatus());
    assertEquals("dkey of 600 bytes exceeds the 486-byte limit", r.getReason());
  }

  @Test
  void otherErrorGivesItsClassAndMessage() {
    ObjPunchReply r = (ObjPunchReply) ObjHandlers.withReason(ObjPunchReply.newBuilder().setStatus(-1003).build(),
        new IllegalStateException("broken"));
    assertEquals("java.lang.IllegalStateException: broken", r.getReason());
  }

  @Test
  void statusAloneLeavesTheReplyAsItIs() {
    ObjRwReply b = ObjRwReply.newBuilder().setStatus(-1005).build();
    assertEquals(b, ObjHandlers.withReason(b, new DaosException(DaosStatus.NONEXIST)));
  }
}
