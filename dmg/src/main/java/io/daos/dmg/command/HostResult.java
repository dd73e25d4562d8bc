package io.daos.dmg.command;

/** One host's answer to a fanned-out request: a response or an error. */
public record HostResult<R>(String addr, R response, Throwable error) {
  public static <R> HostResult<R> ok(String addr, R response) {
    return new HostResult<>(addr, response, null);
  }

  public static <R> HostResult<R> failed(String addr, Throwable error) {
    return new HostResult<>(addr, null, error);
  }
}
