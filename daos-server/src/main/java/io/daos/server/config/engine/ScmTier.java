package io.daos.server.config.engine;

import java.util.List;
import java.util.Objects;

/**
 * An SCM tier: {@code class} ram|dcpm|dir, {@code scm_mount}, {@code scm_size} (GiB; ram only; 0 =
 * automatic), {@code scm_list} (dcpm namespaces), {@code scm_hugepages_disabled} (null = unset).
 */
public record ScmTier(int tier, StorageClass storageClass, String scmMount, int scmSize, List<String> scmList,
    Boolean scmHugepagesDisabled) implements StorageTier {

  public ScmTier {
    Objects.requireNonNull(storageClass, "storageClass");
    if (!storageClass.isScm()) {
      throw new IllegalArgumentException(storageClass + " is not an SCM class");
    }
    scmList = scmList == null ? List.of() : List.copyOf(scmList);
  }

  public static ScmTier dir(String mount) {
    return new ScmTier(0, StorageClass.DIR, mount, 0, List.of(), null);
  }

  public static ScmTier ram(String mount, int sizeGib) {
    return new ScmTier(0, StorageClass.RAM, mount, sizeGib, List.of(), null);
  }

  public static ScmTier dcpm(String mount, String device) {
    return new ScmTier(0, StorageClass.DCPM, mount, 0, List.of(device), null);
  }

  public ScmTier withTier(int t) {
    return new ScmTier(t, storageClass, scmMount, scmSize, scmList, scmHugepagesDisabled);
  }

  public ScmTier withScmSize(int gib) {
    return new ScmTier(tier, storageClass, scmMount, gib, scmList, scmHugepagesDisabled);
  }

  public ScmTier withHugepagesDisabled(Boolean disabled) {
    return new ScmTier(tier, storageClass, scmMount, scmSize, scmList, disabled);
  }

  /** True when tmpfs should be mounted without {@code huge=always}. */
  public boolean hugepagesDisabled() {
    return Boolean.TRUE.equals(scmHugepagesDisabled);
  }
}
