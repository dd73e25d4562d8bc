package io.daos.engine.vos.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.Txn;

/** The blob allocator's counters ("end", "fre") kept in memory within a write transaction, written at its commit. */
class StoreAllocatorTest {
  @TempDir
  Path dir;

  private static long[] committed(Store s) {
    try (ReadTxn r = s.read()) {
      return new long[] {s.alloc.end(r.txn), s.alloc.freeTotal(r.txn)};
    }
  }

  @Test
  void countersCommitWithTheirTransactionAndAbortWithIt() throws Exception {
    try (Store s = new Store(dir, VosOptions.defaults().withMapSize(16L << 20))) {
      Txn<ByteBuffer> t1 = s.write();
      assertEquals(0, s.alloc.allocate(t1, 8192));
      assertEquals(8192, s.alloc.allocate(t1, 100));
      s.alloc.free(t1, 0, 8192);
      assertEquals(8192, s.alloc.freeTotal(t1));
      assertEquals(12288, s.alloc.end(t1));
      s.abort(t1);
      assertEquals(0, committed(s)[0], "an aborted transaction's allocations are gone");
      assertEquals(0, committed(s)[1]);

      Txn<ByteBuffer> t2 = s.write();
      assertEquals(0, s.alloc.allocate(t2, 4096), "the space the aborted transaction had is handed out again");
      assertEquals(4096, s.alloc.allocate(t2, 4096));
      s.alloc.free(t2, 0, 4096);
      s.commit(t2);
      assertEquals(8192, committed(s)[0]);
      assertEquals(4096, committed(s)[1]);

      // A transaction closed without the store's abort (try-with-resources on an exception) leaves nothing either.
      try (Txn<ByteBuffer> t3 = s.write()) {
        assertEquals(0, s.alloc.allocate(t3, 4096), "first fit from the free list");
        assertEquals(0, s.alloc.freeTotal(t3));
      }
      Txn<ByteBuffer> t4 = s.write();
      assertEquals(4096, s.alloc.freeTotal(t4), "read again from the last commit");
      assertEquals(8192, s.alloc.allocate(t4, 8192), "larger than the free total: at the end, no free-list scan");
      assertEquals(0, s.alloc.allocate(t4, 4096));
      s.commit(t4);
      assertEquals(16384, committed(s)[0]);
      assertEquals(0, committed(s)[1]);
    }
  }
}
