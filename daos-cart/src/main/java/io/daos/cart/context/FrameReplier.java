package io.daos.cart.context;

import io.daos.cart.CartReplier;
import io.daos.cart.RpcCounters;
import io.daos.cart.RpcFrame;
import io.daos.common.status.DaosStatus;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Sends the single reply to one request and then releases the request's buffers. */
final class FrameReplier implements CartReplier {
  private final RpcFrame req;
  private final Consumer<RpcFrame> sink;
  private final RpcCounters counters;
  private final AtomicBoolean sent = new AtomicBoolean();

  FrameReplier(RpcFrame req, Consumer<RpcFrame> sink, RpcCounters counters) {
    this.req = req;
    this.sink = sink;
    this.counters = counters;
  }

  @Override
  public void reply(int status, int mapVersion, ByteBuf body, ByteBuf bulk) {
    if (!sent.compareAndSet(false, true)) {
      release(body, bulk);
      throw new IllegalStateException("RPC " + req.rpcId() + " already replied");
    }
    RpcFrame r = RpcFrame.reply(req, mapVersion, status, body, bulk);
    req.release();
    counters.answered(true);
    sink.accept(r);
  }

  @Override
  public void error(DaosStatus status, int mapVersion) {
    if (!sent.compareAndSet(false, true)) {
      throw new IllegalStateException("RPC " + req.rpcId() + " already replied");
    }
    RpcFrame r = RpcFrame.error(req, mapVersion, status.code());
    req.release();
    counters.answered(true);
    sink.accept(r);
  }

  boolean done() {
    return sent.get();
  }

  private static void release(ByteBuf body, ByteBuf bulk) {
    if (body != null) {
      body.release();
    }
    if (bulk != null) {
      bulk.release();
    }
  }
}
