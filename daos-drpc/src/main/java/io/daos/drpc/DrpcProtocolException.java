package io.daos.drpc;

/** The peer broke the dRPC framing (bad chunk header, chunk out of order, oversize message...). */
public class DrpcProtocolException extends DrpcException {
  private static final long serialVersionUID = 1L;

  public DrpcProtocolException(String message) {
    super(message);
  }
}
