package io.daos.dmg;

import io.daos.dmg.fake.FakeServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fake MgmtSvc on a free port for each test and a dmg config ({@code cfg}) that points at it. */
abstract class FakeServerFixture {
  @TempDir
  Path dir;
  FakeServer server;
  String cfg;

  @BeforeEach
  void startFakeServer() throws Exception {
    server = new FakeServer();
    cfg = DmgRun.config(dir, List.of(server.addr())).toString();
  }

  @AfterEach
  void stopFakeServer() throws Exception {
    server.close();
  }
}
