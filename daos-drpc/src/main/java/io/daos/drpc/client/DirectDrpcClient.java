package io.daos.drpc.client;

import io.daos.drpc.DrpcException;
import io.daos.drpc.PeerCredentials;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.proto.drpc.Call;
import io.daos.proto.drpc.Response;

/** In-process client: encodes, dispatches and decodes without a transport (fast unit tests). */
final class DirectDrpcClient implements DrpcClient {
  private final DrpcRegistry registry;
  private final PeerCredentials peer;
  private long sequence;

  DirectDrpcClient(DrpcRegistry registry, PeerCredentials peer) {
    this.registry = registry;
    this.peer = peer;
  }

  @Override
  public synchronized Response call(Call call) throws DrpcException {
    byte[] out = registry.process(call.toBuilder().setSequence(++sequence).build().toByteArray(), peer);
    try {
      return Response.parseFrom(out);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new DrpcException("dRPC: undecodable response", e);
    }
  }

  @Override
  public void close() {
  }
}
