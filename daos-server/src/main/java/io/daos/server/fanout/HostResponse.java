package io.daos.server.fanout;

import io.daos.proto.ctl.RanksResp;
import java.util.Objects;

/** One host's answer to a fanned-out RanksReq: a response or the error that kept it from answering. */
public record HostResponse(String addr, RanksResp response, Throwable error) {
  public HostResponse {
    Objects.requireNonNull(addr, "addr");
    if ((response == null) == (error == null)) {
      throw new IllegalArgumentException("exactly one of response and error must be set for host " + addr);
    }
  }

  public static HostResponse ok(String addr, RanksResp response) {
    return new HostResponse(addr, response, null);
  }

  public static HostResponse failed(String addr, Throwable error) {
    return new HostResponse(addr, null, error);
  }

  public boolean failed() {
    return error != null;
  }
}
