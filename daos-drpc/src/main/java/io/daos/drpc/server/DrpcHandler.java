package io.daos.drpc.server;

/**
 * Serves one dRPC method: takes the Call body, returns the Response body. Throw
 * {@link com.google.protobuf.InvalidProtocolBufferException} for a body that does not parse
 * (FAILED_UNMARSHAL_PAYLOAD), {@link DrpcFailure} for a chosen status, anything else for FAILURE.
 * Method-level errors (DER codes) belong in the returned body, as in DAOS.
 */
@FunctionalInterface
public interface DrpcHandler {
  byte[] handle(DrpcCallContext ctx, byte[] body) throws Exception;
}
