package io.daos.cart;

/** DAOS RPC module ids and the protocol version each module speaks ({@code src/include/daos/rpc.h}). */
public enum DaosModule {
  VOS(0, 1),
  MGMT(1, 4),
  POOL(2, 7),
  CONT(3, 9),
  OBJ(4, 10),
  REBUILD(5, 5),
  RSVC(6, 5),
  RDB(7, 5),
  RDBT(8, 3),
  SEC(9, 1),
  DTX(10, 4),
  PIPELINE(11, 1),
  CHK(12, 1);

  private final int id;
  private final int version;

  DaosModule(int id, int version) {
    this.id = id;
    this.version = version;
  }

  public int id() {
    return id;
  }

  /** The module's current RPC protocol version. */
  public int version() {
    return version;
  }

  /** The opcode of {@code op} in this module at its current version. */
  public Opcode opcode(int op) {
    return Opcode.of(id, version, op);
  }
}
