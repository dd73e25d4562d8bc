package io.daos.client.rpc;

/**
 * A decoded CART-J reply: the protobuf body, the status in the frame, the server's map version and the bulk bytes.
 *
 * @param <T> the body type
 */
public record RpcReply<T>(T body, int frameStatus, int mapVersion, byte[] bulk) {
  /** The frame status, else {@code bodyStatus}: handlers may put a DER code in either. */
  public int status(int bodyStatus) {
    return frameStatus != 0 ? frameStatus : bodyStatus;
  }
}
