package io.daos.cart;

/**
 * A DAOS RPC opcode: {@code module << 24 | version << 16 | op}, packed exactly as DAOS's
 * {@code DAOS_RPC_OPCODE(opc, mod_id, rpc_ver)} (8-bit module, 8-bit version, 16-bit op).
 */
public final class Opcode {
  private static final int OP_MASK = 0xffff;
  private static final int VERSION_MASK = 0xff;
  private static final int VERSION_OFFSET = 16;
  private static final int MODULE_MASK = 0xff;
  private static final int MODULE_OFFSET = 24;

  private final int code;

  private Opcode(int code) {
    this.code = code;
  }

  /** Packs like {@code DAOS_RPC_OPCODE}: each field is masked to its width. */
  public static Opcode of(int module, int version, int op) {
    return new Opcode((op & OP_MASK) | (version & VERSION_MASK) << VERSION_OFFSET
        | (module & MODULE_MASK) << MODULE_OFFSET);
  }

  /** The opcode carried on the wire. */
  public static Opcode fromCode(int code) {
    return new Opcode(code);
  }

  public int code() {
    return code;
  }

  public int module() {
    return code >>> MODULE_OFFSET & MODULE_MASK;
  }

  public int version() {
    return code >>> VERSION_OFFSET & VERSION_MASK;
  }

  public int op() {
    return code & OP_MASK;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Opcode && ((Opcode) o).code == code;
  }

  @Override
  public int hashCode() {
    return code;
  }

  @Override
  public String toString() {
    return String.format("%#x (module %d, version %d, op %d)", code, module(), version(), op());
  }
}
