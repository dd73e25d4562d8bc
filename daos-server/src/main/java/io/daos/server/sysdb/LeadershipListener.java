package io.daos.server.sysdb;

/** Told when this replica becomes MS leader (ready to write) or stops being it. Called on one thread, in order. */
public interface LeadershipListener {
  void onLeadershipGained();

  void onLeadershipLost();
}
