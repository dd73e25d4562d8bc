package io.daos.drpc;

/** The peer process of a dRPC connection as the kernel reports it (SO_PEERCRED). */
public record PeerCredentials(long pid, long uid, long gid) {
  /** Unknown peer (credentials unavailable). */
  public static final PeerCredentials UNKNOWN = new PeerCredentials(-1, -1, -1);

  /** This process, for in-process transports. */
  public static PeerCredentials ofCurrentProcess() {
    com.sun.security.auth.module.UnixSystem unix = new com.sun.security.auth.module.UnixSystem();
    return new PeerCredentials(ProcessHandle.current().pid(), unix.getUid(), unix.getGid());
  }
}
