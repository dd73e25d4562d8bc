package io.daos.drpc.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

class SeqpacketDrpcTest extends DrpcTransportSuite {
  @Override
  DrpcTransport newTransport() {
    return DrpcTransport.seqpacket();
  }

  @Test
  void socketFileHasMode0600() throws IOException {
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sock)));
  }

  @Test
  void agentModeIs0666() throws IOException {
    Path p = dir.resolve("agent.sock");
    try (DrpcServer s = DrpcServer.builder(p, registry()).mode("rw-rw-rw-").build()) {
      s.start();
      assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
    }
  }

  @Test
  void closeRemovesSocketFile() {
    assertTrue(Files.exists(sock));
    server.close();
    assertFalse(Files.exists(sock));
  }

  @Test
  void TestDrpc_DomainSocketServer_Start_socketFileInUse() {
    DrpcServer second = DrpcServer.builder(sock, registry()).build();
    Fault f = assertThrows(Fault.class, second::start);
    assertEquals(FaultCode.SOCKET_FILE_IN_USE, f.code());
    assertTrue(f.getMessage().contains("is already in use"), f.getMessage());
    assertTrue(Files.exists(sock), "the live listener's socket must stay");
  }

  @Test
  void TestDrpc_DomainSocketServer_Start_unusedExistingSocketFile() throws IOException {
    Path stale = dir.resolve("stale.sock");
    try (AFUNIXDatagramSocket dead = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET)) {
      dead.setDeleteOnClose(false);
      dead.bind(AFUNIXSocketAddress.of(stale));
    }
    assertTrue(Files.exists(stale), "stale socket file for the test");
    try (DrpcServer s = DrpcServer.builder(stale, registry()).build();
        DrpcClient c = DrpcClient.builder(stale).build()) {
      s.start();
      assertArrayEquals(new byte[] {4}, c.call(DrpcMethod.MGMT_PING_RANK, new byte[] {4}));
    }
  }

  @Test
  void regularFileAtSocketPathIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("file.sock"), "not a socket");
    DrpcServer s = DrpcServer.builder(file, registry()).build();
    IOException e = assertThrows(IOException.class, s::start);
    assertTrue(e.getMessage().contains("is not a socket"), e.getMessage());
    assertTrue(Files.exists(file));
  }
}
