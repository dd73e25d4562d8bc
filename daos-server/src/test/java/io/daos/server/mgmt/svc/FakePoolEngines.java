package io.daos.server.mgmt.svc;

import io.daos.drpc.DrpcMethod;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake local engine answering pool dRPCs (it stands for the engine acting for the whole pool): a canned body per
 * method, or one failure for every call, recording each call with the ranks the MS preferred.
 */
public final class FakePoolEngines implements PoolEngines {
  public record Call(List<Integer> prefer, DrpcMethod method, byte[] body) {
  }

  public final List<Call> calls = new ArrayList<>();
  public final Map<DrpcMethod, byte[]> answers = new HashMap<>();
  /** Thrown by every call when set. */
  public Exception failure;
  public int targets = 8;
  boolean bdevs = true;
  /** Whether engine 0 is configured for MD-on-SSD (bdev_roles with meta). */
  public boolean mdOnSsd;

  public FakePoolEngines answer(DrpcMethod m, com.google.protobuf.MessageLite body) {
    answers.put(m, body.toByteArray());
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
  public boolean mdOnSsd() {
    return mdOnSsd;
  }

  @Override
  public synchronized byte[] callDrpc(Collection<Integer> preferRanks, DrpcMethod method, byte[] body)
      throws IOException {
    calls.add(new Call(List.copyOf(preferRanks), method, body));
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure != null) {
      throw (RuntimeException) failure;
    }
    byte[] a = answers.get(method);
    return a == null ? new byte[0] : a;
  }

  /** The preferred ranks of every call of {@code m}, in call order. */
  public List<List<Integer>> preferred(DrpcMethod m) {
    return calls.stream().filter(c -> c.method() == m).map(Call::prefer).toList();
  }

  /** The body of the last call of {@code m}. */
  public byte[] lastBody(DrpcMethod m) {
    return calls.stream().filter(c -> c.method() == m).reduce((a, b) -> b).orElseThrow().body();
  }
}
