package io.daos.fuzz;

import io.daos.drpc.DrpcChunks;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.transport.DrpcTransport;
import io.daos.drpc.transport.MessageChannel;
import io.daos.proto.drpc.Call;
import io.daos.proto.drpc.Response;
import io.daos.proto.drpc.Status;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Well-framed dRPC messages with hostile contents, on one connection that is kept while the daemon keeps it: Calls
 * to the socket's registered methods with random bodies, Calls to random module and method numbers, and bytes that
 * are not a Call. Methods that act on the system (an engine's ready notice, a cluster event) only get bodies that
 * never decode, so the run measures robustness and leaves the system as it was. Every input is due an answer.
 */
final class DrpcBodyTarget implements Target {
  private final String name;
  private final Path socket;
  private final List<DrpcMethod> methods;
  private final Set<DrpcMethod> acting;
  private MessageChannel channel;
  private long sequence;

  DrpcBodyTarget(String name, Path socket, List<DrpcMethod> methods, Set<DrpcMethod> acting) {
    this.name = name;
    this.socket = socket;
    this.methods = methods;
    this.acting = acting;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Outcome feed(Random rnd) throws IOException {
    if (channel == null) {
      channel = new MessageChannel(DrpcTransport.seqpacket().connect(socket), DrpcChunks.DEFAULT_MAX_MESSAGE_SIZE);
    }
    try {
      channel.send(input(rnd));
      byte[] raw = channel.receive(10_000);
      if (raw == null) {
        close();
        return Outcome.UNEXPECTED_CLOSE;
      }
      return Response.parseFrom(raw).getStatus() == Status.SUCCESS ? Outcome.ANSWERED : Outcome.ERROR_ANSWER;
    } catch (SocketTimeoutException e) {
      close();
      return Outcome.TIMED_OUT;
    } catch (IOException e) {
      close();
      return Outcome.UNEXPECTED_CLOSE;
    }
  }

  private byte[] input(Random r) {
    int pick = r.nextInt(10);
    if (pick == 0) {
      return Junk.body(r);
    }
    Call.Builder call = Call.newBuilder().setSequence(++sequence);
    if (pick == 1) {
      call.setModule(r.nextInt(8)).setMethod(r.nextInt(4) == 0 ? r.nextInt() : r.nextInt(600));
    } else {
      DrpcMethod m = methods.get(r.nextInt(methods.size()));
      call.setModule(m.module().id()).setMethod(m.id());
      call.setBody(com.google.protobuf.ByteString.copyFrom(acting.contains(m) ? Junk.undecodable(r) : Junk.body(r)));
    }
    return call.build().toByteArray();
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }
}
