package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.client.obj.Iod;
import io.daos.client.obj.Keys;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.itest.TestLocks;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.placement.object.ObjectType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS {@code src/tests/suite/daos_array.c} (Array 0–13), on real engines in this JVM. */
@ResourceLock(TestLocks.IN_PROCESS)
class DaosArrayTest extends ClientTestBase {
  private DaosArray create(long cell, long chunk) {
    return cont.createArray(oid(ObjectType.ARRAY, ObjectClass.SX), cell, chunk);
  }

  @Test
  void simple_array_mgmt() {
    ObjectId id = oid(ObjectType.ARRAY, ObjectClass.S2);
    DaosArray a = cont.createArray(id, 4, 16);
    DaosException again = assertThrows(DaosException.class, () -> cont.createArray(id, 4, 16));
    assertEquals(DaosStatus.EXIST, again.status());
    DaosArray b = cont.openArray(id);
    assertEquals(4, b.cellSize());
    assertEquals(16, b.chunkSize());
    a.destroy();
    assertEquals(DaosStatus.NONEXIST, assertThrows(DaosException.class, () -> cont.openArray(id)).status());
  }

  @Test
  void metadataIsDaosLayout() {
    ObjectId id = oid(ObjectType.ARRAY, ObjectClass.S1);
    cont.createArray(id, 8, 1024);
    byte[] md = cont.openObject(id).fetch(Keys.u64(0), List.of(Iod.singleFetch(new byte[] {'0'}, 24))).get(0).data();
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(md).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    assertEquals(0xdaca55a9daca55a9L, b.getLong());
    assertEquals(8, b.getLong());
    assertEquals(1024, b.getLong());
  }

  @Test
  void small_io() {
    DaosArray a = create(1, 8);
    byte[] data = "hello, DAOS array".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    a.write(0, data);
    assertArrayEquals(data, a.read(0, data.length));
    assertEquals(data.length, a.getSize());
  }

  record Range(String name, long index, int cells) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Range> ranges() {
    return Stream.of(new Range("aligned chunk", 0, 64), new Range("inside one chunk", 3, 10),
        new Range("across two chunks", 60, 9), new Range("many chunks unaligned", 17, 1000),
        new Range("far offset", 1_000_003, 77));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ranges")
  void contig_mem_contig_arr_io(Range r) {
    DaosArray a = create(4, 64);
    byte[] data = random(r.cells() * 4, r.index());
    a.write(r.index(), data);
    assertArrayEquals(data, a.read(r.index(), r.cells()));
    assertEquals(r.index() + r.cells(), a.getSize());
  }

  @Test
  void contig_mem_contig_arr_io_async() {
    DaosArray a = cont.createArrayAsync(oid(ObjectType.ARRAY, ObjectClass.SX), 1, 100).join();
    byte[] data = random(12345, 7);
    a.writeAsync(99, data).join();
    assertArrayEquals(data, a.readAsync(99, data.length).join());
    assertEquals(99 + data.length, a.getSizeAsync().join());
  }

  @Test
  void read_empty_records() {
    DaosArray a = create(2, 32);
    assertArrayEquals(new byte[200], a.read(0, 100));
    assertEquals(0, a.getSize());
    byte[] data = random(20, 1);
    a.write(50, data);
    byte[] got = a.read(40, 40);
    byte[] want = new byte[80];
    System.arraycopy(data, 0, want, 20, 20);
    assertArrayEquals(want, got, "holes before and after the written cells read as zeros");
  }

  @Test
  void strided_array() {
    DaosArray a = create(1, 16);
    byte[] want = new byte[200];
    for (int i = 0; i < 200; i += 10) {
      byte[] d = random(3, i);
      a.write(i, d);
      System.arraycopy(d, 0, want, i, 3);
    }
    assertArrayEquals(want, a.read(0, 200));
    assertEquals(193, a.getSize());
  }

  @Test
  void truncate_array() {
    DaosArray a = create(1, 10);
    byte[] data = random(95, 3);
    a.write(0, data);
    a.setSize(23);
    assertEquals(23, a.getSize());
    byte[] want = new byte[95];
    System.arraycopy(data, 0, want, 0, 23);
    assertArrayEquals(want, a.read(0, 95));
    a.write(40, new byte[] {9});
    assertEquals(41, a.getSize());
    a.setSize(1000);
    assertEquals(1000, a.getSize());
    assertArrayEquals(new byte[1], a.read(999, 1));
  }

  @Test
  void array_size_first_record() {
    DaosArray a = create(1, 10);
    a.write(0, random(50, 4));
    a.setSize(1);
    assertEquals(1, a.getSize());
  }

  @Test
  void array_size_first_record_next_chunk() {
    DaosArray a = create(1, 10);
    a.write(0, random(50, 5));
    a.setSize(11);
    assertEquals(11, a.getSize());
    a.setSize(10);
    assertEquals(10, a.getSize());
  }

  @Test
  void truncate_into_hole_keeps_size() {
    DaosArray a = create(1, 10);
    byte[] head = random(10, 7);
    a.write(0, head);
    a.write(100, new byte[] {7});
    a.setSize(50);
    assertEquals(50, a.getSize(), "the size a shrink sets sticks even where it ends in a hole");
    byte[] want = new byte[50];
    System.arraycopy(head, 0, want, 0, 10);
    assertArrayEquals(want, a.read(0, 50));
    a.setSize(30);
    assertEquals(30, a.getSize());
    a.setSize(5);
    assertEquals(5, a.getSize());
    assertArrayEquals(java.util.Arrays.copyOf(head, 5), a.read(0, 5));
  }

  @Test
  void punchMakesHoles() {
    DaosArray a = create(1, 8);
    byte[] data = random(30, 6);
    a.write(0, data);
    a.punch(5, 10);
    byte[] want = data.clone();
    Arrays.fill(want, 5, 15, (byte) 0);
    assertArrayEquals(want, a.read(0, 30));
  }

  @Test
  void dkeysAreChunkIndexPlusOne() {
    ObjectId id = oid(ObjectType.ARRAY, ObjectClass.S1);
    DaosArray a = cont.createArray(id, 1, 4);
    a.write(9, new byte[] {1, 2});
    List<Long> dkeys = cont.openObject(id).listAllDkeys().stream().map(Keys::u64).sorted().toList();
    assertEquals(List.of(0L, 3L), dkeys, "metadata at dkey 0, cells 9-10 in dkey 9/4+1 = 3");
  }

  @Test
  void writeNeedsWholeCells() {
    DaosArray a = create(4, 16);
    assertEquals(DaosStatus.INVAL, assertThrows(DaosException.class, () -> a.write(0, new byte[5])).status());
  }

  /**
   * daos_array_read into the caller's buffer (its sgl): a buffer holding old bytes gets the array's, holes before,
   * between and after the written cells as zeros, and nothing outside the range asked for is touched.
   */
  @Test
  void readIntoTheCallersBufferZeroesHoles() {
    DaosArray a = create(2, 32);
    byte[] data = random(20, 3);
    a.write(50, data);
    a.write(100, data);
    byte[] buf = new byte[300];
    java.util.Arrays.fill(buf, (byte) 0x5a);
    a.readAsync(40, buf, 10, 280).join();
    byte[] want = new byte[300];
    java.util.Arrays.fill(want, (byte) 0x5a);
    java.util.Arrays.fill(want, 10, 290, (byte) 0);
    System.arraycopy(data, 0, want, 10 + 20, 20);
    System.arraycopy(data, 0, want, 10 + 120, 20);
    assertArrayEquals(want, buf);
    assertEquals(DaosStatus.INVAL, assertThrows(DaosException.class,
        () -> io.daos.client.rpc.Futures.join(a.readAsync(0, buf, 0, 3))).status(), "whole cells only");
    assertEquals(DaosStatus.INVAL, assertThrows(DaosException.class,
        () -> io.daos.client.rpc.Futures.join(a.readAsync(0, buf, 200, 200))).status(), "inside the buffer only");
  }

  /**
   * daos_array_write from the caller's direct buffer (C memory in an sgl): across chunk boundaries, on a replicated
   * and an erasure-coded array, the bytes read back; the buffer's position and limit do not move.
   */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"SX", "EC_2P1G1"})
  void writeFromADirectBuffer(String oc) {
    DaosArray a = cont.createArray(oid(ObjectType.ARRAY, ObjectClass.byName(oc)), 1, 64 * 1024);
    byte[] data = random(200_000, 9);
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(data.length + 10);
    buf.position(10);
    buf.put(data).position(10);
    a.writeAsync(5_000, buf).join();
    assertEquals(10, buf.position());
    assertEquals(data.length + 10, buf.limit());
    assertArrayEquals(data, a.read(5_000, data.length));
    assertEquals(5_000 + data.length, a.getSize());
  }
}
