package io.daos.server.config.engine;

/** One entry of an engine's {@code storage:} list. Tier 0 is SCM; tiers 1..3 are bdevs. */
public sealed interface StorageTier permits ScmTier, BdevTier {
  /** Position in the engine's storage list, counting only non-null entries (as DAOS does). */
  int tier();

  StorageClass storageClass();
}
