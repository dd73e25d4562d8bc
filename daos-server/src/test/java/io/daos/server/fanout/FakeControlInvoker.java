package io.daos.server.fanout;

import io.daos.proto.ctl.RanksReq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scripted fan-out invoker (DAOS control.MockInvoker): the n-th call answers with the n-th scripted list of
 * host responses (the last list repeats); every call is recorded.
 */
public class FakeControlInvoker implements ControlInvoker {
  /** One recorded call. */
  public record Call(RanksMethod method, List<String> hosts, RanksReq req) {
  }

  private final List<List<HostResponse>> script;
  private final List<Call> calls = new ArrayList<>();

  @SafeVarargs
  public FakeControlInvoker(List<HostResponse>... script) {
    this.script = List.of(script);
  }

  @Override
  public synchronized List<HostResponse> invokeRanks(RanksMethod method, List<String> hosts, RanksReq req,
      Duration deadline) {
    calls.add(new Call(method, List.copyOf(hosts), req));
    if (script.isEmpty()) {
      return List.of();
    }
    return script.get(Math.min(calls.size() - 1, script.size() - 1));
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }
}
