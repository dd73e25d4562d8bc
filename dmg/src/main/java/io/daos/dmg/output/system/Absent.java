package io.daos.dmg.output.system;

/** Ranks and hosts the MS did not know, as the ranged strings it sent (empty when none). */
public record Absent(String ranks, String hosts) {
  public static final Absent NONE = new Absent("", "");

  public Absent {
    ranks = ranks == null ? "" : ranks;
    hosts = hosts == null ? "" : hosts;
  }
}
