package io.daos.drpc.bench;

import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.drpc.server.DrpcServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Benchmark (not a test): round-trip time of a 64-byte-body dRPC Call through DrpcServer/DrpcClient, next
 * to a bare junixsocket SEQPACKET ping-pong of the same size in the same run. Prints one JSON line.
 * Usage: {@code DrpcPingPong [iterations] [warmup]}.
 */
public final class DrpcPingPong {
  private static final int BODY = 64;

  private DrpcPingPong() {
  }

  public static void main(String[] args) throws Exception {
    int iters = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    Path dir = Files.createTempDirectory("drpc-bench");
    try {
      long[] drpc = drpcRoundTrips(dir.resolve("drpc.sock"), iters, warmup);
      long[] raw = rawRoundTrips(dir.resolve("raw.sock"), iters, warmup);
      System.out.println(json(iters, drpc, raw));
    } finally {
      Files.deleteIfExists(dir.resolve("raw.sock"));
      Files.deleteIfExists(dir);
    }
  }

  private static long[] drpcRoundTrips(Path sock, int iters, int warmup) throws IOException {
    DrpcRegistry reg = new DrpcRegistry().register(DrpcMethod.MGMT_PING_RANK, (ctx, body) -> body);
    byte[] body = new byte[BODY];
    try (DrpcServer server = DrpcServer.builder(sock, reg).build()) {
      server.start();
      try (DrpcClient client = DrpcClient.connect(sock)) {
        long[] t = new long[iters];
        for (int i = -warmup; i < iters; i++) {
          long start = System.nanoTime();
          client.call(DrpcMethod.MGMT_PING_RANK, body);
          if (i >= 0) {
            t[i] = System.nanoTime() - start;
          }
        }
        return t;
      }
    }
  }

  private static long[] rawRoundTrips(Path sock, int iters, int warmup) throws Exception {
    try (AFUNIXDatagramSocket srv = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET)) {
      srv.bind(AFUNIXSocketAddress.of(sock));
      srv.listen(1);
      Thread echo = new Thread(() -> echo(srv, iters + warmup), "raw-echo");
      echo.setDaemon(true);
      echo.start();
      try (AFUNIXDatagramSocket c = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET)) {
        c.connect(AFUNIXSocketAddress.of(sock));
        ByteBuffer out = ByteBuffer.allocateDirect(BODY);
        ByteBuffer in = ByteBuffer.allocateDirect(BODY * 2);
        long[] t = new long[iters];
        for (int i = -warmup; i < iters; i++) {
          long start = System.nanoTime();
          c.getChannel().write(out.clear());
          c.getChannel().read(in.clear());
          if (i >= 0) {
            t[i] = System.nanoTime() - start;
          }
        }
        echo.join(5000);
        return t;
      }
    }
  }

  private static void echo(AFUNIXDatagramSocket srv, int n) {
    try (var conn = srv.accept()) {
      ByteBuffer b = ByteBuffer.allocateDirect(BODY * 2);
      for (int i = 0; i < n; i++) {
        conn.getChannel().read(b.clear());
        conn.getChannel().write(b.flip());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String json(int iters, long[] drpc, long[] raw) {
    Arrays.sort(drpc);
    Arrays.sort(raw);
    double p50 = us(drpc, 0.50);
    double rawP50 = us(raw, 0.50);
    return String.format(Locale.ROOT, "{\"body_bytes\":%d,\"iterations\":%d,\"drpc_rtt_us_p50\":%.1f,"
        + "\"drpc_rtt_us_p99\":%.1f,\"drpc_rtt_us_mean\":%.1f,\"raw_rtt_us_p50\":%.1f,\"raw_rtt_us_p99\":%.1f,"
        + "\"raw_rtt_us_mean\":%.1f,\"drpc_over_raw_p50\":%.2f}", BODY, iters, p50, us(drpc, 0.99), mean(drpc),
        rawP50, us(raw, 0.99), mean(raw), p50 / rawP50);
  }

  private static double us(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1000.0;
  }

  private static double mean(long[] t) {
    return Arrays.stream(t).average().orElse(0) / 1000.0;
  }
}
