package io.daos.fuzz;

import io.daos.drpc.DrpcChunkAssembler;
import io.daos.drpc.DrpcChunks;
import io.daos.drpc.transport.DrpcTransport;
import io.daos.drpc.transport.PacketConnection;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Malformed dRPC framing to one socket, each input on a connection of its own: random packets, chunk headers with
 * random or hostile fields (64 MiB and u64 announcements, zero chunks, wrong indexes, lengths that disagree),
 * packets over the chunk size, and real multi-chunk messages with a chunk dropped, repeated, swapped or bit-flipped.
 * A local {@link DrpcChunkAssembler} with the daemon's limit says what is due: the daemon closes the connection on a
 * framing error, answers each complete message, and waits on an incomplete one (the fuzzer then hangs up).
 */
final class DrpcFrameTarget implements Target {
  private final String name;
  private final Path socket;
  private final long maxMessage;
  private final ByteBuffer rx = ByteBuffer.allocateDirect(DrpcChunks.MAX_CHUNK_SIZE + 1);

  DrpcFrameTarget(String name, Path socket, long maxMessage) {
    this.name = name;
    this.socket = socket;
    this.maxMessage = maxMessage;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Outcome feed(Random rnd) throws IOException {
    List<ByteBuffer> packets = packets(rnd);
    Expect due = expect(packets);
    try (PacketConnection c = DrpcTransport.seqpacket().connect(socket)) {
      return exchange(c, packets, due);
    }
  }

  private Outcome exchange(PacketConnection c, List<ByteBuffer> packets, Expect due) {
    try {
      if (!sendAll(c, packets)) {
        return due.closes ? Outcome.CLOSED : Outcome.UNEXPECTED_CLOSE;
      }
      if (due.answers == 0 && !due.closes) {
        return Outcome.NO_ANSWER_DUE;
      }
      for (int i = 0; i < due.answers; i++) {
        if (receive(c, rx) < 0) {
          return Outcome.UNEXPECTED_CLOSE;
        }
      }
      return !due.closes ? Outcome.ERROR_ANSWER : receive(c, rx) < 0 ? Outcome.CLOSED : Outcome.TIMED_OUT;
    } catch (SocketTimeoutException e) {
      return Outcome.TIMED_OUT;
    } catch (IOException e) {
      return due.closes ? Outcome.CLOSED : Outcome.UNEXPECTED_CLOSE; // reset: closed with our packets unread
    }
  }

  /** False when the daemon has already closed the connection (after an earlier packet broke the framing). */
  private static boolean sendAll(PacketConnection c, List<ByteBuffer> packets) {
    try {
      for (ByteBuffer p : packets) {
        c.send(p.duplicate());
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads packets until a whole answer or end of stream (-1); answers here are single-chunk. */
  private static int receive(PacketConnection c, ByteBuffer rx) throws IOException {
    rx.clear();
    return c.receive(rx, 10_000);
  }

  private record Expect(int answers, boolean closes) {
  }

  private Expect expect(List<ByteBuffer> packets) {
    DrpcChunkAssembler asm = new DrpcChunkAssembler(maxMessage);
    int answers = 0;
    for (ByteBuffer p : packets) {
      if (p.remaining() > DrpcChunks.MAX_CHUNK_SIZE) {
        return new Expect(answers, true);
      }
      try {
        if (asm.add(p.duplicate()) != null) {
          answers++;
        }
      } catch (IOException e) {
        return new Expect(answers, true);
      }
    }
    return new Expect(answers, false);
  }

  private static List<ByteBuffer> packets(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> List.of(ByteBuffer.wrap(Junk.bytes(r, 1 + r.nextInt(200))));
      case 1 -> List.of(hostileHeader(r));
      case 2 -> List.of(ByteBuffer.wrap(Junk.bytes(r, DrpcChunks.MAX_CHUNK_SIZE + 1 + r.nextInt(4096))));
      case 3 -> tampered(r);
      default -> DrpcChunks.encode(Junk.body(r));
    };
  }

  private static final long[] TOTALS = {0, 1, 24, 4096, 1L << 20, (1L << 20) + 1, 64L << 20, (64L << 20) + 1,
      1L << 40, -1L, Long.MIN_VALUE};

  /** One chunk whose header fields are each picked from hostile values, with 0..64 data bytes. */
  private static ByteBuffer hostileHeader(Random r) {
    int data = r.nextInt(65);
    long total = r.nextInt(4) == 0 ? r.nextLong() : TOTALS[r.nextInt(TOTALS.length)];
    long chunkData = r.nextInt(4) == 0 ? r.nextLong() : data;
    int idx = new int[] {0, 0, 0, 1, r.nextInt()}[r.nextInt(5)];
    int chunks = new int[] {0, 1, 2, 513, -1, r.nextInt()}[r.nextInt(6)];
    ByteBuffer b = ByteBuffer.allocate(DrpcChunks.HEADER_SIZE + data).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(total).putLong(chunkData).putInt(idx).putInt(chunks).put(Junk.bytes(r, data)).flip();
    return b;
  }

  /** A real 2-4 chunk message with one chunk dropped, repeated, swapped with the next, or bit-flipped. */
  private static List<ByteBuffer> tampered(Random r) {
    int size = DrpcChunks.MAX_DATA_SIZE * (1 + r.nextInt(3)) + 1 + r.nextInt(1000);
    List<ByteBuffer> c = new ArrayList<>(DrpcChunks.encode(Junk.bytes(r, size)));
    int i = r.nextInt(c.size());
    switch (r.nextInt(4)) {
      case 0 -> c.remove(i);
      case 1 -> c.add(i, c.get(i).duplicate());
      case 2 -> {
        ByteBuffer moved = c.remove(i);
        c.add(Math.min(i + 1, c.size()), moved);
      }
      default -> {
        ByteBuffer f = ByteBuffer.allocate(c.get(i).remaining());
        f.put(c.get(i).duplicate()).flip();
        f.put(r.nextInt(DrpcChunks.HEADER_SIZE), (byte) (1 << r.nextInt(8)));
        c.set(i, f);
      }
    }
    return c;
  }

  @Override
  public void close() {
  }
}
