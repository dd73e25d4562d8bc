package io.daos.fuzz;

/** What became of one fuzz input. */
enum Outcome {
  /** A normal answer (dRPC SUCCESS, a CART-J reply without error, gRPC OK). */
  ANSWERED,
  /** An error answer for that input alone (a dRPC error status, a CART-J error reply, a gRPC error status). */
  ERROR_ANSWER,
  /** The daemon closed that connection (a framing error: the stream cannot be re-synchronised). */
  CLOSED,
  /** The input was an incomplete message or a frame no answer is due for; the fuzzer moved on. */
  NO_ANSWER_DUE,
  /** The daemon closed a connection on which the input kept the framing: listed as a finding. */
  UNEXPECTED_CLOSE,
  /** An answer was due and none came within the timeout: counted, and listed as a finding. */
  TIMED_OUT
}
