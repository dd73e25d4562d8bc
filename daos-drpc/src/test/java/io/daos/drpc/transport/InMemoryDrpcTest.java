package io.daos.drpc.transport;

class InMemoryDrpcTest extends DrpcTransportSuite {
  @Override
  DrpcTransport newTransport() {
    return new InMemoryTransport();
  }
}
