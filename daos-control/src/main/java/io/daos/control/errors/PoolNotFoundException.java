package io.daos.control.errors;

import io.daos.common.ranklist.Rank;
import java.util.Optional;

/**
 * No pool service matched the search (by rank, UUID or label). Travels as ErrorInfo reason
 * {@code proto.system.ErrPoolNotFound} with metadata {@code PoolInfo} = {@code {"Rank":..,"UUID":..,"Label":..}}.
 */
public final class PoolNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Rank rank;
  private final String uuid;
  private final String label;

  private PoolNotFoundException(Rank rank, String uuid, String label) {
    super(message(rank, uuid, label));
    this.rank = rank;
    this.uuid = uuid;
    this.label = label;
  }

  public static PoolNotFoundException byRank(Rank rank) {
    return new PoolNotFoundException(rank, null, null);
  }

  public static PoolNotFoundException byUuid(String uuid) {
    return new PoolNotFoundException(null, uuid, null);
  }

  public static PoolNotFoundException byLabel(String label) {
    return new PoolNotFoundException(null, null, label);
  }

  /** As decoded from the wire; any of the three may be null. */
  public static PoolNotFoundException of(Rank rank, String uuid, String label) {
    return new PoolNotFoundException(rank, uuid, label);
  }

  private static String message(Rank rank, String uuid, String label) {
    if (rank != null) {
      return "unable to find pool service with rank " + rank;
    }
    if (uuid != null) {
      return "unable to find pool service with uuid " + uuid;
    }
    if (label != null) {
      return "unable to find pool service with label \"" + label + "\"";
    }
    return "unable to find pool service";
  }

  public Optional<Rank> rank() {
    return Optional.ofNullable(rank);
  }

  public Optional<String> uuid() {
    return Optional.ofNullable(uuid);
  }

  public Optional<String> label() {
    return Optional.ofNullable(label);
  }
}
