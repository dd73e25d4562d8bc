package io.daos.client.obj.ec;

import io.daos.client.obj.Recx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.daos.placement.ec.EcCodec;
import io.daos.placement.ec.EcCodecs;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** DAOS obj_ec.h index and single-value rules as EcGeometry and EcSingleValue apply them. */
class EcGeometryTest {
  @Test
  void daos2vosRoundTripsAndRotates() {
    EcGeometry g = new EcGeometry(4, 2, 8, 13);
    assertEquals(1, g.dataMember(0), "start = 13 % 6");
    assertEquals(5, g.parityMember(0));
    assertEquals(0, g.parityMember(1));
    for (long i = 0; i < 200; i++) {
      int cell = (int) (i % g.stripeRecords() / g.cellRecords());
      assertEquals(i, g.toDaos(g.toVos(i), cell));
    }
    assertEquals(11, g.toVos(35), "stripe 1 (from 32), cell 0, offset 3: after stripe 0's 8 records");
  }

  @Test
  void piecesCutAtCells() {
    EcGeometry g = new EcGeometry(2, 1, 4, 0);
    List<EcGeometry.Piece> p = g.pieces(List.of(new Recx(3, 7)));
    assertEquals(List.of(new EcGeometry.Piece(3, 1, 0, 3, 0), new EcGeometry.Piece(4, 4, 1, 0, 1),
        new EcGeometry.Piece(8, 2, 0, 4, 5)), p);
  }

  @Test
  void singleValuesSmallAndLargeRebuild() {
    EcCodec codec = EcCodecs.java(4, 2);
    byte[] small = new byte[4096];
    new Random(1).nextBytes(small);
    byte[][] s = EcSingleValue.encode(small, codec);
    assertNull(s[1]);
    assertArrayEquals(small, EcSingleValue.whole(s[4]));
    byte[] large = new byte[50_001];
    new Random(2).nextBytes(large);
    byte[][] l = EcSingleValue.encode(large, codec);
    l[0] = null;
    l[3] = null;
    assertArrayEquals(large, EcSingleValue.decode(l, EcSingleValue.sizeOf(l[1]), codec));
  }
}
