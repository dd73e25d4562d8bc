package io.daos.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.proto.ctl.RanksReq;
import io.daos.proto.drpc.Call;
import io.daos.proto.mgmt.JoinReq;
import org.junit.jupiter.api.Test;

/** Serialized bytes equal hand-computed protobuf encodings (tag = field << 3 | wire type). */
class WireBytesTest {
  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void joinReqEncoding() throws InvalidProtocolBufferException {
    JoinReq req = JoinReq.newBuilder()
        .setSys("x")
        .setRank(0xFFFFFFFF)        // "no rank wanted"
        .setIdx(1)
        .setIncarnation(300)
        .addSecondaryNctxs(2).addSecondaryNctxs(3)
        .setCheckMode(true)
        .build();
    byte[] expected = bytes(
        0x0A, 0x01, 'x',                    // 1 sys, length-delimited
        0x18, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, // 3 rank, varint of 2^32-1
        0x40, 0x01,                         // 8 idx
        0x48, 0xAC, 0x02,                   // 9 incarnation = 300
        0x5A, 0x02, 0x02, 0x03,             // 11 secondary_nctxs, packed
        0x60, 0x01);                        // 12 check_mode
    assertArrayEquals(expected, req.toByteArray());
    assertEquals(req, JoinReq.parseFrom(expected));
  }

  @Test
  void joinReqReplaceAndFaultDomainTags() throws InvalidProtocolBufferException {
    assertArrayEquals(bytes(0x68, 0x01), JoinReq.newBuilder().setReplace(true).build().toByteArray());
    assertEquals("/rack0", JoinReq.parseFrom(bytes(0x3A, 0x06, '/', 'r', 'a', 'c', 'k', '0')).getSrvFaultDomain());
  }

  @Test
  void ranksReqSkipsRetiredFields() {
    RanksReq req = RanksReq.newBuilder().setForce(true).setRanks("0-3").build();
    assertArrayEquals(bytes(0x18, 0x01, 0x22, 0x03, '0', '-', '3'), req.toByteArray());
  }

  @Test
  void drpcCallSetRank() {
    Call call = Call.newBuilder().setModule(2).setMethod(202).setSequence(1).build();
    assertArrayEquals(bytes(0x08, 0x02, 0x10, 0xCA, 0x01, 0x18, 0x01), call.toByteArray());
  }
}
