package io.daos.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.daos.proto.mgmt.PoolCreateResp;
import io.daos.proto.mgmt.PoolDestroyReq;
import io.daos.proto.mgmt.SystemQueryReq;
import io.daos.proto.mgmt.SystemQueryResp;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProtoFieldsTest {
  /** The same message read through its descriptor, as any non-generated message is. */
  private static DynamicMessage dynamic(Message m) throws InvalidProtocolBufferException {
    return DynamicMessage.parseFrom(m.getDescriptorForType(), m.toByteString());
  }

  @Test
  void generatedAccessorsAnswerAsTheDescriptorDoes() throws Exception {
    List<Message> messages = List.of(SystemQueryReq.newBuilder().setSys("daos_server").setRanks("0-3").build(),
        SystemQueryReq.getDefaultInstance(), SystemQueryResp.newBuilder().setDataVersion(-2L).build(),
        PoolCreateResp.newBuilder().setStatus(-1005).build(), PoolDestroyReq.newBuilder().setId("p").build());
    for (Message m : messages) {
      DynamicMessage d = dynamic(m);
      assertEquals(ProtoFields.sys(d), ProtoFields.sys(m), "sys of " + m.getClass());
      assertEquals(ProtoFields.status(d), ProtoFields.status(m), "status of " + m.getClass());
      assertEquals(ProtoFields.dataVersion(d), ProtoFields.dataVersion(m), "data_version of " + m.getClass());
    }
    assertEquals(Optional.of("daos_server"), ProtoFields.sys(messages.get(0)));
    assertEquals(Optional.empty(), ProtoFields.sys(messages.get(2)));
    assertEquals(OptionalInt.of(-1005), ProtoFields.status(messages.get(3)));
    assertEquals(OptionalLong.of(-2L), ProtoFields.dataVersion(messages.get(2)));
    assertEquals(OptionalInt.empty(), ProtoFields.status(messages.get(0)));
  }

  @Test
  void withSysIfUnsetFillsOnlyAnEmptySys() throws Exception {
    SystemQueryReq unset = SystemQueryReq.newBuilder().setRanks("1").build();
    SystemQueryReq filled = ProtoFields.withSysIfUnset(unset, "daos_server");
    assertEquals("daos_server", filled.getSys());
    assertEquals("1", filled.getRanks());
    SystemQueryReq own = SystemQueryReq.newBuilder().setSys("other").build();
    assertSame(own, ProtoFields.withSysIfUnset(own, "daos_server"));
    PoolCreateResp noSys = PoolCreateResp.getDefaultInstance();
    assertSame(noSys, ProtoFields.withSysIfUnset(noSys, "daos_server"));
    DynamicMessage d = ProtoFields.withSysIfUnset(dynamic(unset), "daos_server");
    assertEquals(filled, SystemQueryReq.parseFrom(d.toByteString()));
  }
}
