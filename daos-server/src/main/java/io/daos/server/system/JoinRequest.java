package io.daos.server.system;

import java.util.List;
import java.util.UUID;

/**
 * An engine's request to join (or rejoin) the system. {@code rank} is {@link Member#NIL_RANK} when the
 * engine has none yet; {@code replace} asks to take over an existing rank with a new UUID.
 */
public record JoinRequest(
    int rank,
    UUID uuid,
    String controlAddr,
    String primaryFabricUri,
    List<String> secondaryFabricUris,
    int fabricContexts,
    List<Integer> secondaryFabricContexts,
    FaultDomain faultDomain,
    long incarnation,
    boolean checkMode,
    boolean replace) {

  public JoinRequest {
    controlAddr = controlAddr == null ? "" : controlAddr;
    primaryFabricUri = primaryFabricUri == null ? "" : primaryFabricUri;
    secondaryFabricUris = secondaryFabricUris == null ? List.of() : List.copyOf(secondaryFabricUris);
    secondaryFabricContexts = secondaryFabricContexts == null ? List.of() : List.copyOf(secondaryFabricContexts);
    faultDomain = faultDomain == null ? FaultDomain.root() : faultDomain;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder for {@link JoinRequest}. */
  public static final class Builder {
    private int rank = Member.NIL_RANK;
    private UUID uuid;
    private String controlAddr;
    private String primaryFabricUri;
    private List<String> secondaryFabricUris;
    private int fabricContexts;
    private List<Integer> secondaryFabricContexts;
    private FaultDomain faultDomain;
    private long incarnation;
    private boolean checkMode;
    private boolean replace;

    public Builder rank(int v) {
      rank = v;
      return this;
    }

    public Builder uuid(UUID v) {
      uuid = v;
      return this;
    }

    public Builder controlAddr(String v) {
      controlAddr = v;
      return this;
    }

    public Builder primaryFabricUri(String v) {
      primaryFabricUri = v;
      return this;
    }

    public Builder secondaryFabricUris(List<String> v) {
      secondaryFabricUris = v;
      return this;
    }

    public Builder fabricContexts(int v) {
      fabricContexts = v;
      return this;
    }

    public Builder secondaryFabricContexts(List<Integer> v) {
      secondaryFabricContexts = v;
      return this;
    }

    public Builder faultDomain(FaultDomain v) {
      faultDomain = v;
      return this;
    }

    public Builder incarnation(long v) {
      incarnation = v;
      return this;
    }

    public Builder checkMode(boolean v) {
      checkMode = v;
      return this;
    }

    public Builder replace(boolean v) {
      replace = v;
      return this;
    }

    public JoinRequest build() {
      return new JoinRequest(rank, uuid, controlAddr, primaryFabricUri, secondaryFabricUris, fabricContexts,
          secondaryFabricContexts, faultDomain, incarnation, checkMode, replace);
    }
  }
}
