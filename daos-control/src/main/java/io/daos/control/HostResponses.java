package io.daos.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-host results of {@link ControlClient#invokeHosts}, in host-list order. */
public final class HostResponses<R> {
  private final List<HostResponse<R>> responses;

  public HostResponses(List<HostResponse<R>> responses) {
    this.responses = List.copyOf(responses);
  }

  public List<HostResponse<R>> responses() {
    return responses;
  }

  /** Successful responses by host address. */
  public Map<String, R> successes() {
    Map<String, R> out = new LinkedHashMap<>();
    for (HostResponse<R> r : responses) {
      if (r.isOk()) {
        out.put(r.address(), r.response());
      }
    }
    return out;
  }

  /** Failed hosts grouped by identical error text (dmg's "host_errors"). */
  public HostErrorsMap errors() {
    HostErrorsMap m = new HostErrorsMap();
    for (HostResponse<R> r : responses) {
      if (!r.isOk()) {
        m.add(r.address(), r.error());
      }
    }
    return m;
  }

  public boolean hasErrors() {
    return responses.stream().anyMatch(r -> !r.isOk());
  }
}
