package io.daos.drpc.server;

import io.daos.drpc.DrpcMethod;
import io.daos.drpc.PeerCredentials;

/** What a handler knows about the call it serves: the method, the caller's sequence and the peer. */
public record DrpcCallContext(DrpcMethod method, long sequence, PeerCredentials peer) {
}
