package io.daos.cart.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.RpcFrame;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteBatcherTest {
  /** Counts flushes and records the rpc ids written, in order. */
  private static final class Recorder extends ChannelOutboundHandlerAdapter {
    final List<Long> ids = new ArrayList<>();
    int flushes;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      RpcFrame f = (RpcFrame) msg;
      ids.add(f.rpcId());
      f.release();
      promise.setSuccess();
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
      flushes++;
    }
  }

  private static RpcFrame frame(long id) {
    return RpcFrame.request(0x01000000, id, 0, 1, Unpooled.buffer(4).writeInt((int) id), Unpooled.EMPTY_BUFFER);
  }

  @Test
  void framesQueuedBeforeTheDrainGoOutInOrderWithOneFlush() {
    Recorder rec = new Recorder();
    EmbeddedChannel ch = new EmbeddedChannel(rec);
    WriteBatcher out = new WriteBatcher(ch);
    List<ChannelPromise> promises = new ArrayList<>();
    for (long id = 1; id <= 32; id++) {
      ChannelPromise p = ch.newPromise();
      promises.add(p);
      out.write(frame(id), p);
    }
    assertTrue(rec.ids.isEmpty(), "nothing is written before the event loop drains the queue");
    ch.runPendingTasks();
    assertEquals(32, rec.ids.size());
    for (int i = 0; i < 32; i++) {
      assertEquals(i + 1L, rec.ids.get(i));
      assertTrue(promises.get(i).isSuccess());
    }
    assertEquals(1, rec.flushes, "one flush for the whole batch");
    ch.finishAndReleaseAll();
  }

  @Test
  void aWriteAfterADrainSchedulesAnotherDrain() {
    Recorder rec = new Recorder();
    EmbeddedChannel ch = new EmbeddedChannel(rec);
    WriteBatcher out = new WriteBatcher(ch);
    out.write(frame(1));
    ch.runPendingTasks();
    out.write(frame(2));
    out.write(frame(3));
    ch.runPendingTasks();
    assertEquals(List.of(1L, 2L, 3L), rec.ids);
    assertEquals(2, rec.flushes);
    ch.finishAndReleaseAll();
  }

  @Test
  void writesToAClosedChannelFailTheirPromisesAndReleaseTheFrames() {
    EmbeddedChannel ch = new EmbeddedChannel(new Recorder());
    WriteBatcher out = new WriteBatcher(ch);
    ch.close().syncUninterruptibly();
    RpcFrame f = frame(9);
    ChannelPromise p = ch.newPromise();
    out.write(f, p);
    ch.runPendingTasks();
    assertTrue(p.isDone());
    assertFalse(p.isSuccess());
    assertEquals(0, f.body().refCnt(), "the frame's buffers are released");
  }
}
