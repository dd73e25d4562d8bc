package io.daos.cart;

/**
 * Serves one opcode. Runs on the executor of the request's target, never on a network I/O thread.
 * The request's buffers stay valid until the handler replies (call {@link CartRequest#retain()} to keep
 * them longer). A handler that throws gets the thrown {@code DaosException}'s status, or DER_MISC, sent
 * back as an error reply if it has not replied yet.
 */
@FunctionalInterface
public interface CartHandler {
  void handle(CartRequest req, CartReplier reply) throws Exception;
}
