package io.daos.drpc;

class InMemoryDrpcTest extends DrpcTransportSuite {
  @Override
  DrpcTransport newTransport() {
    return new InMemoryTransport();
  }
}
