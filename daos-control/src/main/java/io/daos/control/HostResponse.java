package io.daos.control;

/** One host's answer to a fanned-out request: its response, or the (typed) error it failed with. */
public record HostResponse<R>(String address, R response, Throwable error) {
  public static <R> HostResponse<R> ok(String address, R response) {
    return new HostResponse<>(address, response, null);
  }

  public static <R> HostResponse<R> failed(String address, Throwable error) {
    return new HostResponse<>(address, null, error);
  }

  public boolean isOk() {
    return error == null;
  }
}
