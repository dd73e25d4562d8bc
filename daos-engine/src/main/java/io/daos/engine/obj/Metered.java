package io.daos.engine.obj;

import io.daos.cart.CartHandler;
import io.daos.cart.CartReplier;
import io.daos.common.status.DaosStatus;
import io.daos.engine.telemetry.EngineMetrics;
import io.daos.engine.telemetry.IoMeter;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wraps an object handler so that DAOS's {@code io/ops/<op>/active}, {@code io/latency/<op>/<size>},
 * {@code pool/<uuid>/ops/<op>} and (update, fetch) {@code pool/<uuid>/xferred/<op>} of the request's target move:
 * the request is active from its arrival to its (possibly asynchronous) reply; the size is the bulk the request
 * carried, or, for a fetch, the bulk of the reply.
 */
final class Metered {
  private Metered() {
  }

  static CartHandler wrap(EngineMetrics metrics, String op, CartHandler inner) {
    boolean xfer = "update".equals(op) || "fetch".equals(op);
    return (req, reply) -> {
      int target = req.target();
      java.util.UUID pool = ObjCodec.peekPool(req.body());
      metrics.poolOp(pool, op, target);
      IoMeter meter = metrics.io(op, target);
      long inBytes = req.bulk() == null ? 0 : req.bulk().readableBytes();
      meter.begin();
      Timed timed = new Timed(reply, meter, inBytes, System.nanoTime(),
          xfer ? bytes -> metrics.poolXferred(pool, op, target, bytes) : bytes -> { });
      try {
        inner.handle(req, timed);
      } catch (Exception | Error e) {
        timed.finish(inBytes);
        throw e;
      }
    };
  }

  private static final class Timed implements CartReplier {
    private final CartReplier inner;
    private final IoMeter meter;
    private final long inBytes;
    private final long start;
    private final java.util.function.LongConsumer moved;
    private final AtomicBoolean done = new AtomicBoolean();

    Timed(CartReplier inner, IoMeter meter, long inBytes, long start, java.util.function.LongConsumer moved) {
      this.inner = inner;
      this.meter = meter;
      this.inBytes = inBytes;
      this.start = start;
      this.moved = moved;
    }

    @Override
    public void reply(int status, int mapVersion, ByteBuf body, ByteBuf bulk) {
      finish(Math.max(inBytes, bulk == null ? 0 : bulk.readableBytes()));
      inner.reply(status, mapVersion, body, bulk);
    }

    @Override
    public void error(DaosStatus status, int mapVersion) {
      finish(inBytes);
      inner.error(status, mapVersion);
    }

    void finish(long bytes) {
      if (done.compareAndSet(false, true)) {
        meter.end((System.nanoTime() - start) / 1000, bytes);
        moved.accept(bytes);
      }
    }
  }
}
