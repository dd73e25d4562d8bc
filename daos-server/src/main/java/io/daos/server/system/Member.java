package io.daos.server.system;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One engine (data-plane instance) of the system, hosted by the server whose control plane listens at
 * {@code addr} ("ip:port"). Immutable; use {@link #toBuilder()} or the {@code with*} methods to change.
 * JSON names follow DAOS's system.Member.
 */
public record Member(
    @SerializedName("rank") int rank,
    @SerializedName("incarnation") long incarnation,
    @SerializedName("uuid") UUID uuid,
    @SerializedName("addr") String addr,
    @SerializedName("fabric_uri") String primaryFabricUri,
    @SerializedName("secondary_fabric_uris") List<String> secondaryFabricUris,
    @SerializedName("fabric_contexts") int primaryFabricContexts,
    @SerializedName("secondary_fabric_contexts") List<Integer> secondaryFabricContexts,
    @SerializedName("state") MemberState state,
    @SerializedName("info") String info,
    @SerializedName("fault_domain") FaultDomain faultDomain,
    @SerializedName("last_update") Instant lastUpdate) {

  /** DAOS's NilRank (math.MaxUint32): "no rank requested / assigned yet". */
  public static final int NIL_RANK = -1;

  public Member {
    Objects.requireNonNull(uuid, "uuid");
    addr = addr == null ? "" : addr;
    primaryFabricUri = primaryFabricUri == null ? "" : primaryFabricUri;
    secondaryFabricUris = secondaryFabricUris == null ? List.of() : List.copyOf(secondaryFabricUris);
    secondaryFabricContexts = secondaryFabricContexts == null ? List.of() : List.copyOf(secondaryFabricContexts);
    state = state == null ? MemberState.UNKNOWN : state;
    info = info == null ? "" : info;
    faultDomain = faultDomain == null ? FaultDomain.root() : faultDomain;
    lastUpdate = lastUpdate == null ? Instant.EPOCH : lastUpdate;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().rank(rank).incarnation(incarnation).uuid(uuid).addr(addr)
        .primaryFabricUri(primaryFabricUri).secondaryFabricUris(secondaryFabricUris)
        .primaryFabricContexts(primaryFabricContexts).secondaryFabricContexts(secondaryFabricContexts)
        .state(state).info(info).faultDomain(faultDomain).lastUpdate(lastUpdate);
  }

  public Member withState(MemberState s) {
    return toBuilder().state(s).build();
  }

  public Member withInfo(String i) {
    return toBuilder().info(i).build();
  }

  public Member withRank(int r) {
    return toBuilder().rank(r).build();
  }

  public Member withFaultDomain(FaultDomain fd) {
    return toBuilder().faultDomain(fd).build();
  }

  public Member withLastUpdate(Instant t) {
    return toBuilder().lastUpdate(t).build();
  }

  /**
   * This member as the MS database stores it after an update with {@code upd} (DAOS's UpdateMember): state,
   * info, last update, incarnation, fabric URIs and fault domain change; rank, UUID, address and contexts stay.
   */
  public Member updatedBy(Member upd) {
    return toBuilder().state(upd.state()).info(upd.info()).lastUpdate(upd.lastUpdate())
        .incarnation(upd.incarnation()).primaryFabricUri(upd.primaryFabricUri())
        .secondaryFabricUris(upd.secondaryFabricUris()).faultDomain(upd.faultDomain()).build();
  }

  /** All fabric URIs, primary first. */
  public List<String> fabricUris() {
    List<String> all = new ArrayList<>();
    all.add(primaryFabricUri);
    all.addAll(secondaryFabricUris);
    return all;
  }

  /** True if the rank is {@link #NIL_RANK}. */
  public boolean hasNilRank() {
    return rank == NIL_RANK;
  }

  @Override
  public String toString() {
    return addr + "/" + Integer.toUnsignedString(rank) + "/" + state;
  }

  /** Mutable builder for {@link Member}. */
  public static final class Builder {
    private int rank = NIL_RANK;
    private long incarnation;
    private UUID uuid;
    private String addr;
    private String primaryFabricUri;
    private List<String> secondaryFabricUris;
    private int primaryFabricContexts;
    private List<Integer> secondaryFabricContexts;
    private MemberState state;
    private String info;
    private FaultDomain faultDomain;
    private Instant lastUpdate;

    public Builder rank(int v) {
      rank = v;
      return this;
    }

    public Builder incarnation(long v) {
      incarnation = v;
      return this;
    }

    public Builder uuid(UUID v) {
      uuid = v;
      return this;
    }

    public Builder addr(String v) {
      addr = v;
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

    public Builder primaryFabricContexts(int v) {
      primaryFabricContexts = v;
      return this;
    }

    public Builder secondaryFabricContexts(List<Integer> v) {
      secondaryFabricContexts = v;
      return this;
    }

    public Builder state(MemberState v) {
      state = v;
      return this;
    }

    public Builder info(String v) {
      info = v;
      return this;
    }

    public Builder faultDomain(FaultDomain v) {
      faultDomain = v;
      return this;
    }

    public Builder lastUpdate(Instant v) {
      lastUpdate = v;
      return this;
    }

    public Member build() {
      return new Member(rank, incarnation, uuid, addr, primaryFabricUri, secondaryFabricUris,
          primaryFabricContexts, secondaryFabricContexts, state, info, faultDomain, lastUpdate);
    }
  }
}
