package io.daos.server.engine;

import io.daos.common.Rank;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An engine's superblock (DAOS's server.Superblock): who this engine is (uuid, system) and what the MS told
 * it (rank, uri, validrank, incarnation). Immutable; {@link SuperblockFile} stores it as DAOS's YAML.
 * (Kept apart from h-config's storage types; the integrator may fold the two together.)
 */
public record EngineSuperblock(int version, String uuid, String system, Rank rank, String uri, boolean validRank,
    String hostFaultDomain, long incarnation) {
  public static final int VERSION = 1;
  /** DAOS's system name when the config has none. */
  public static final String DEFAULT_SYSTEM = "daos_engine";

  public EngineSuperblock {
    Objects.requireNonNull(uuid, "uuid");
    system = system == null || system.isEmpty() ? DEFAULT_SYSTEM : system;
    uri = uri == null ? "" : uri;
    hostFaultDomain = hostFaultDomain == null ? "" : hostFaultDomain;
  }

  /** A new superblock: random uuid, no rank yet. */
  public static EngineSuperblock create(String system, String hostFaultDomain) {
    return new EngineSuperblock(VERSION, UUID.randomUUID().toString(), system, null, "", false, hostFaultDomain, 0);
  }

  public Optional<Rank> rankOpt() {
    return Optional.ofNullable(rank);
  }

  /** After a join: the granted rank and the engine's URI, marked valid. */
  public EngineSuperblock withJoin(Rank r, String newUri) {
    return new EngineSuperblock(version, uuid, system, r, newUri, true, hostFaultDomain, incarnation);
  }

  public EngineSuperblock withIncarnation(long inc) {
    return new EngineSuperblock(version, uuid, system, rank, uri, validRank, hostFaultDomain, inc);
  }

  public EngineSuperblock withHostFaultDomain(String fd) {
    return new EngineSuperblock(version, uuid, system, rank, uri, validRank, fd, incarnation);
  }
}
