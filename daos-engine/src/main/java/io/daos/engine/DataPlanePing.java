package io.daos.engine;

/**
 * The data-plane placeholder frame until CART-J lands. Over TCP, big-endian:
 * request = {@code u32 magic 0x4A50494E ("JPIN"), u64 token}; response = {@code u32 0x4A504F4E ("JPON"),
 * u64 token} (the same token). Any other request closes the connection.
 */
public final class DataPlanePing {
  public static final int REQUEST_MAGIC = 0x4A50494E;
  public static final int RESPONSE_MAGIC = 0x4A504F4E;
  public static final int FRAME_SIZE = 12;

  private DataPlanePing() {
  }
}
