package io.daos.fuzz;

import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.common.build.BuildInfo;
import io.daos.common.build.Component;
import io.daos.control.DaosClientInterceptor;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Hostile gRPC requests to daos_server's control port: every method of MgmtSvc and CtlSvc with random bytes as its
 * request message, and unknown method names. Methods that only read get fully random bodies; every other method
 * (format, stop, erase, pool create, ...) gets a body that never decodes, so the system is not changed: its request
 * decoding is what is fuzzed. Every input is due a status.
 */
final class GrpcTarget implements Target {
  private static final Pattern READS = Pattern.compile("LeaderQuery|PoolQuery|PoolQueryTarget|PoolGetProp|PoolGetACL"
      + "|GetAttachInfo|ListPools|ListContainers|SystemQuery|SystemCheckQuery|SystemCheckGetPolicy|SystemGetAttr"
      + "|SystemGetProp|SmdQuery");
  private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  private final ManagedChannel channel;
  private final List<MethodDescriptor<byte[], byte[]>> methods = new ArrayList<>();

  GrpcTarget(String host, int port) {
    channel = ManagedChannelBuilder.forAddress(host, port).usePlaintext().maxInboundMessageSize(64 << 20)
        .intercept(new DaosClientInterceptor(Component.ADMIN, BuildInfo.DAOS_VERSION, host + ":" + port)).build();
    for (var d : List.of(MgmtSvcGrpc.getServiceDescriptor(), CtlSvcGrpc.getServiceDescriptor())) {
      d.getMethods().forEach(m -> methods.add(raw(m.getFullMethodName())));
    }
  }

  private static MethodDescriptor<byte[], byte[]> raw(String fullName) {
    return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(fullName).setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
  }

  @Override
  public String name() {
    return "grpc -> control port";
  }

  @Override
  public Outcome feed(Random r) {
    MethodDescriptor<byte[], byte[]> m;
    byte[] body;
    if (r.nextInt(20) == 0) {
      m = raw((r.nextBoolean() ? "mgmt.MgmtSvc/" : "ctl.CtlSvc/") + "Fuzz" + Integer.toHexString(r.nextInt()));
      body = Junk.body(r);
    } else {
      m = methods.get(r.nextInt(methods.size()));
      body = READS.matcher(m.getBareMethodName()).matches() ? readBody(r) : Junk.undecodable(r);
    }
    try {
      ClientCalls.blockingUnaryCall(channel, m, CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS), body);
      return Outcome.ANSWERED;
    } catch (StatusRuntimeException e) {
      Status.Code c = e.getStatus().getCode();
      return c == Status.Code.DEADLINE_EXCEEDED ? Outcome.TIMED_OUT
          : c == Status.Code.UNAVAILABLE ? Outcome.UNEXPECTED_CLOSE : Outcome.ERROR_ANSWER;
    }
  }

  /** Half the time field 1 is {@code sys: "daos_server"} (as in most requests), so the random rest gets past it. */
  private static byte[] readBody(Random r) {
    byte[] rest = Junk.body(r);
    if (r.nextBoolean()) {
      return rest;
    }
    byte[] sys = "daos_server".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] b = new byte[2 + sys.length + rest.length];
    b[0] = 0x0a;
    b[1] = (byte) sys.length;
    System.arraycopy(sys, 0, b, 2, sys.length);
    System.arraycopy(rest, 0, b, 2 + sys.length, rest.length);
    return b;
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
