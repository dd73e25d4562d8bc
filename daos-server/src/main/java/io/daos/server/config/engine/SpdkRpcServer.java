package io.daos.server.config.engine;

/** Engine {@code spdk_rpc_server{enable, sock_addr}}. */
public record SpdkRpcServer(boolean enable, String sockAddr) {
  public static final SpdkRpcServer NONE = new SpdkRpcServer(false, "");

  public SpdkRpcServer {
    sockAddr = sockAddr == null ? "" : sockAddr;
  }
}
