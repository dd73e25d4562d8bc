package io.daos.server.mgmt;

import io.daos.drpc.DrpcMethod;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fake engine set answering pool dRPCs per rank: a canned body, or an error, recording every call. */
final class FakePoolEngines implements PoolEngines {
  record Call(int rank, DrpcMethod method, byte[] body) {
  }

  final List<Call> calls = new ArrayList<>();
  final Map<DrpcMethod, byte[]> answers = new HashMap<>();
  private final Map<DrpcMethod, java.util.function.IntFunction<com.google.protobuf.MessageLite>> perRank =
      new java.util.EnumMap<>(DrpcMethod.class);
  final Map<Integer, Exception> failures = new HashMap<>();
  int targets = 8;
  boolean bdevs = true;

  FakePoolEngines answer(DrpcMethod m, com.google.protobuf.MessageLite body) {
    answers.put(m, body.toByteArray());
    return this;
  }

  /** Answers {@code m} per rank, as real engines do (each reports itself). */
  FakePoolEngines answerPerRank(DrpcMethod m, java.util.function.IntFunction<com.google.protobuf.MessageLite> f) {
    perRank.put(m, f);
    return this;
  }

  @Override
  public int targetCount() {
    return targets;
  }

  @Override
  public boolean hasBlockDevices() {
    return bdevs;
  }

  @Override
  public synchronized byte[] callDrpc(int rank, DrpcMethod method, byte[] body) throws IOException {
    calls.add(new Call(rank, method, body));
    Exception e = failures.get(rank);
    if (e instanceof IOException io) {
      throw io;
    }
    if (e != null) {
      throw (RuntimeException) e;
    }
    if (perRank.containsKey(method)) {
      return perRank.get(method).apply(rank).toByteArray();
    }
    byte[] a = answers.get(method);
    return a == null ? new byte[0] : a;
  }

  List<Integer> ranksCalled(DrpcMethod m) {
    return calls.stream().filter(c -> c.method() == m).map(Call::rank).toList();
  }
}
