package io.daos.engine.vos;

import static io.daos.engine.vos.VosFixture.ARRAY_OID;
import static io.daos.engine.vos.VosFixture.OID;
import static io.daos.engine.vos.VosFixture.b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fetchInto gives the same bytes as fetch, in the caller's (unzeroed) buffers, for inline and blob values. */
class VosFetchIntoTest {
  private static final byte[] DKEY = VosFixture.u64(1);
  private static final byte[] AKEY = b("a");

  /** Direct buffers filled with garbage first: holes must come back as zeros all the same. */
  private static final class Dirty implements java.util.function.IntFunction<ByteBuffer> {
    final List<ByteBuffer> given = new ArrayList<>();
    final int min;

    Dirty(int min) {
      this.min = min;
    }

    @Override
    public ByteBuffer apply(int len) {
      if (len < min) {
        return null;
      }
      ByteBuffer buf = ByteBuffer.allocateDirect(len);
      for (int i = 0; i < len; i++) {
        buf.put(i, (byte) 0x5a);
      }
      given.add(buf);
      return buf;
    }
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.limit()];
    b.get(0, out);
    return out;
  }

  @Test
  void arrayWithHolesAndOverwritesReadsTheSameIntoABuffer(@TempDir Path dir) {
    try (VosFixture f = new VosFixture(dir)) {
      byte[] big = VosFixture.random(300_000, 7);
      f.cont.update(10, ARRAY_OID, DKEY, List.of(Iod.array(AKEY, 1, List.of(new Recx(100_000, big.length)), big)), 0);
      byte[] small = VosFixture.random(5_000, 8);
      f.cont.update(11, ARRAY_OID, DKEY, List.of(Iod.array(AKEY, 1, List.of(new Recx(150_000, small.length)), small)),
          0);
      List<Iod> read = List.of(Iod.fetchArray(AKEY, 1, List.of(new Recx(0, 200_000), new Recx(390_000, 20_000))));
      FetchedValue heap = f.cont.fetch(-1, ARRAY_OID, DKEY, read, 0).get(0);
      Dirty bufs = new Dirty(1);
      FetchedValue into = f.cont.fetchInto(-1, ARRAY_OID, DKEY, read, 0, bufs).get(0);
      assertSame(bufs.given.get(0), into.buffer());
      assertEquals(0, into.data().length);
      assertEquals(heap.length(), into.length());
      assertArrayEquals(heap.data(), bytes(into.buffer()));
      assertEquals(heap.extents(), into.extents());
      byte[] zeros = new byte[100_000];
      assertArrayEquals(zeros, Arrays.copyOfRange(bytes(into.buffer()), 0, 100_000), "the leading hole is zeros");
      assertArrayEquals(new byte[10_000], Arrays.copyOfRange(bytes(into.buffer()), 210_000, 220_000),
          "the hole past the end is zeros");
    }
  }

  @Test
  void singleValuesGoToTheBufferOnlyWhenOneIsGiven(@TempDir Path dir) {
    try (VosFixture f = new VosFixture(dir)) {
      byte[] dkey = b("d");
      byte[] blob = VosFixture.random(64 << 10, 3);
      f.cont.update(5, OID, dkey, List.of(Iod.single(b("big"), blob), Iod.single(b("small"), b("tiny"))), 0);
      Dirty bufs = new Dirty(1024);
      List<FetchedValue> got = f.cont.fetchInto(-1, OID, dkey,
          List.of(Iod.fetchSingle(b("big")), Iod.fetchSingle(b("small")), Iod.fetchSingle(b("absent"))), 0, bufs);
      assertArrayEquals(blob, bytes(got.get(0).buffer()));
      assertNull(got.get(1).buffer(), "below the threshold the value is a heap array");
      assertArrayEquals(b("tiny"), got.get(1).data());
      assertEquals(0, got.get(2).recordSize());
      assertEquals(1, bufs.given.size(), "no buffer for the small or the absent value");
    }
  }
}
