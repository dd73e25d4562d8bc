package io.daos.control.h2c;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One gRPC call on an {@link H2cChannel}: sends the request as gRPC length-prefixed messages (1-byte compressed
 * flag, 4-byte length, uncompressed) and turns the answer's frames into listener events, which run in order on
 * the call's executor (the CallOptions' one, else the channel's).
 */
final class H2cCall<Q, R> extends ClientCall<Q, R> implements H2Stream.Handler {
  /** grpc-java's default for a client's largest inbound message. */
  static final int MAX_MESSAGE = 4 << 20;

  private final H2cChannel channel;
  private final MethodDescriptor<Q, R> method;
  private final CallOptions options;
  private final Executor events;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final MessageDeframer deframer = new MessageDeframer(MAX_MESSAGE);
  private volatile H2Stream stream;
  private volatile H2Connection connection;
  private volatile ScheduledFuture<?> timer;
  private boolean gotHeaders;
  /** Listener-side state; touched only by tasks on {@link #events}. */
  private Listener<R> listener;
  private final ArrayDeque<byte[]> messages = new ArrayDeque<>();
  private int requested;
  private Status closeStatus;
  private Metadata closeTrailers;
  private boolean listenerClosed;

  H2cCall(H2cChannel channel, MethodDescriptor<Q, R> method, CallOptions options, Executor fallback) {
    this.channel = channel;
    this.method = method;
    this.options = options;
    this.events = new SerialExecutor(options.getExecutor() != null ? options.getExecutor() : fallback);
  }

  @Override
  public void start(Listener<R> l, Metadata headers) {
    events.execute(() -> listener = l);
    Deadline deadline = earliest(options.getDeadline(), Context.current().getDeadline());
    if (deadline != null && deadline.isExpired()) {
      finish(Status.DEADLINE_EXCEEDED.withDescription("h2c: the call's deadline had passed before it started"),
          new Metadata());
      return;
    }
    Long timeout = deadline == null ? null : deadline.timeRemaining(TimeUnit.NANOSECONDS);
    stream = new H2Stream(GrpcWire.requestHeaders(channel.authority(), method.getFullMethodName(), timeout,
        headers), this);
    if (deadline != null) {
      long start = System.nanoTime();
      timer = deadline.runOnExpiration(() -> expire(System.nanoTime() - start), H2cChannel.timers());
    }
    H2Connection c = channel.open(stream);
    if (c == null) {
      finish(Status.UNAVAILABLE.withDescription("h2c: the channel to " + channel.authority() + " is shut down"),
          new Metadata());
      return;
    }
    connection = c;
    if (closed.get()) {
      c.cancel(stream, H2Error.CANCEL); // the deadline passed while the stream was being placed
    }
  }

  private static Deadline earliest(Deadline a, Deadline b) {
    return a == null ? b : b == null ? a : a.minimum(b);
  }

  private void expire(long nanos) {
    if (finish(Status.DEADLINE_EXCEEDED.withDescription(String.format(Locale.ROOT,
        "h2c: deadline exceeded after %.3fs waiting for %s", nanos / 1e9, channel.authority())), new Metadata())) {
      resetStream(H2Error.CANCEL);
    }
  }

  @Override
  public void request(int n) {
    events.execute(() -> {
      requested += n;
      deliver();
    });
  }

  @Override
  public void cancel(String message, Throwable cause) {
    Status s = Status.CANCELLED.withDescription(message == null ? "Call cancelled without message" : message);
    if (finish(cause == null ? s : s.withCause(cause), new Metadata())) {
      resetStream(H2Error.CANCEL);
    }
  }

  @Override
  public void halfClose() {
    send(new byte[0], true);
  }

  @Override
  public void sendMessage(Q message) {
    byte[] body;
    try (InputStream in = method.streamRequest(message)) {
      body = in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      cancel("h2c: cannot serialize the request", e);
      return;
    }
    byte[] framed = new byte[5 + body.length];
    framed[1] = (byte) (body.length >>> 24);
    framed[2] = (byte) (body.length >>> 16);
    framed[3] = (byte) (body.length >>> 8);
    framed[4] = (byte) body.length;
    System.arraycopy(body, 0, framed, 5, body.length);
    send(framed, false);
  }

  private void send(byte[] data, boolean end) {
    H2Connection c = connection;
    if (c != null && !closed.get()) {
      c.send(stream, data, end);
    }
  }

  @Override
  public boolean isReady() {
    return !closed.get();
  }

  // H2Stream.Handler: on the connection's reader thread

  @Override
  public void onHeaders(List<String[]> fields, boolean endStream) {
    if (!gotHeaders) {
      gotHeaders = true;
      String http = GrpcWire.get(fields, ":status");
      if (endStream) {
        finish(GrpcWire.status(fields), GrpcWire.metadata(fields)); // trailers-only
      } else if (!"200".equals(http)) {
        failStream(GrpcWire.httpStatus(http), fields);
      } else if (!contentTypeOk(GrpcWire.get(fields, "content-type"))) {
        failStream(Status.UNKNOWN.withDescription("h2c: not a gRPC answer (content-type "
            + GrpcWire.get(fields, "content-type") + ")"), fields);
      } else {
        Metadata md = GrpcWire.metadata(fields);
        events.execute(() -> {
          if (!listenerClosed) {
            listener.onHeaders(md);
          }
        });
      }
      return;
    }
    if (!endStream) {
      failStream(Status.INTERNAL.withDescription("h2c: trailers without END_STREAM"), fields);
    } else if (deframer.partial()) {
      finish(Status.INTERNAL.withDescription("h2c: the answer ended inside a message"), GrpcWire.metadata(fields));
    } else {
      finish(GrpcWire.status(fields), GrpcWire.metadata(fields));
    }
  }

  private static boolean contentTypeOk(String ct) {
    return ct != null && ct.toLowerCase(Locale.ROOT).startsWith(GrpcWire.CONTENT_TYPE);
  }

  private void failStream(Status s, List<String[]> fields) {
    if (finish(s, GrpcWire.metadata(fields))) {
      resetStream(H2Error.CANCEL);
    }
  }

  @Override
  public void onData(byte[] buf, int off, int len, boolean endStream) {
    if (closed.get()) {
      return;
    }
    Status bad = deframer.add(buf, off, len);
    if (bad != null) {
      if (finish(bad, new Metadata())) {
        resetStream(H2Error.CANCEL);
      }
      return;
    }
    for (byte[] m; (m = deframer.next()) != null; ) {
      byte[] msg = m;
      events.execute(() -> {
        messages.add(msg);
        deliver();
      });
    }
    if (endStream) {
      finish(Status.INTERNAL.withDescription("h2c: the answer ended without trailers"), new Metadata());
    }
  }

  @Override
  public void onReset(long errorCode) {
    finish(GrpcWire.resetStatus(errorCode), new Metadata());
  }

  @Override
  public void onFailure(Status status) {
    finish(status, new Metadata());
  }

  private void resetStream(int code) {
    H2Connection c = connection;
    if (c != null) {
      c.cancel(stream, code);
    }
  }

  /** Closes the call once: true if this was the close. An OK close waits for the messages not yet delivered. */
  private boolean finish(Status s, Metadata trailers) {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    ScheduledFuture<?> t = timer;
    if (t != null) {
      t.cancel(false);
    }
    events.execute(() -> {
      if (!s.isOk()) {
        messages.clear();
      }
      closeStatus = s;
      closeTrailers = trailers;
      deliver();
    });
    return true;
  }

  private void deliver() {
    while (requested > 0 && !messages.isEmpty() && !listenerClosed) {
      requested--;
      R resp;
      try {
        resp = method.parseResponse(new ByteArrayInputStream(messages.poll()));
      } catch (RuntimeException e) {
        messages.clear();
        closeStatus = Status.CANCELLED.withDescription("h2c: failed to read the answer").withCause(e);
        closeTrailers = new Metadata();
        closed.set(true);
        resetStream(H2Error.CANCEL);
        break;
      }
      listener.onMessage(resp);
    }
    if (closeStatus != null && messages.isEmpty() && !listenerClosed) {
      listenerClosed = true;
      listener.onClose(closeStatus, closeTrailers);
    }
  }
}
