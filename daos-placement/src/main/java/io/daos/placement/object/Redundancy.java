package io.daos.placement.object;

/**
 * {@code enum daos_obj_redun}: the redundancy ordinal stored in bits 55..48 of an OID's {@code hi}, with DAOS's
 * numbers. Replication keeps {@code replicas} copies; Reed-Solomon keeps {@code data + parity} cells.
 */
public enum Redundancy {
  RP_1(1, 1, 0, 0),
  RP_2(8, 2, 0, 0),
  RP_3(9, 3, 0, 0),
  RP_4(10, 4, 0, 0),
  RP_5(11, 5, 0, 0),
  RP_6(12, 6, 0, 0),
  RP_8(13, 8, 0, 0),
  RP_12(14, 12, 0, 0),
  RP_16(15, 16, 0, 0),
  RP_24(16, 24, 0, 0),
  RP_32(17, 32, 0, 0),
  RP_48(18, 48, 0, 0),
  RP_64(19, 64, 0, 0),
  RP_128(20, 128, 0, 0),
  RS_2P1(32, 0, 2, 1),
  RS_2P2(33, 0, 2, 2),
  RS_4P1(34, 0, 4, 1),
  RS_4P2(35, 0, 4, 2),
  RS_8P1(36, 0, 8, 1),
  RS_8P2(37, 0, 8, 2),
  RS_16P1(38, 0, 16, 1),
  RS_16P2(39, 0, 16, 2),
  RS_4P3(40, 0, 4, 3),
  RS_8P3(41, 0, 8, 3),
  RS_16P3(42, 0, 16, 3);

  private final int ordinalNumber;
  private final int replicas;
  private final int data;
  private final int parity;

  Redundancy(int ordinalNumber, int replicas, int data, int parity) {
    this.ordinalNumber = ordinalNumber;
    this.replicas = replicas;
    this.data = data;
    this.parity = parity;
  }

  /** DAOS's {@code OR_*} value. */
  public int number() {
    return ordinalNumber;
  }

  /** True for erasure-coded ordinals ({@code OR_RS_*}). */
  public boolean erasureCoded() {
    return data > 0;
  }

  /** Replica count for replication, 0 for EC. */
  public int replicas() {
    return replicas;
  }

  /** EC data cells (k), 0 for replication. */
  public int dataCells() {
    return data;
  }

  /** EC parity cells (p), 0 for replication. */
  public int parityCells() {
    return parity;
  }

  /** Shards per redundancy group: replicas, or k + p. */
  public int groupSize() {
    return erasureCoded() ? data + parity : replicas;
  }

  /** Failures a group survives ({@code oc_resil_degree}): replicas − 1, or p. */
  public int resilienceDegree() {
    return erasureCoded() ? parity : replicas - 1;
  }

  /** The ordinal with DAOS number {@code n}, or null. */
  public static Redundancy ofNumber(int n) {
    for (Redundancy r : values()) {
      if (r.ordinalNumber == n) {
        return r;
      }
    }
    return null;
  }
}
