package io.daos.agent.security;

import java.util.List;
import java.util.Optional;

/** The host's user and group database (NSS), as the agent needs it to name a peer's uid and gids. */
public interface UserDb {
  /** The user named by {@code uid}, if the host knows it. */
  Optional<PosixUser> user(long uid);

  /** The name of group {@code gid}, if the host knows it. */
  Optional<String> groupName(long gid);

  /** Names of every group {@code user} belongs to, its primary group included (Go's User.GroupIds). */
  List<String> groupNames(PosixUser user);

  /** The real database: {@code getent}/{@code id}, falling back to /etc/passwd and /etc/group. */
  static UserDb system() {
    return new NssUserDb();
  }

  /** A user entry: name, uid and primary gid. */
  record PosixUser(String name, long uid, long gid) {
  }
}
