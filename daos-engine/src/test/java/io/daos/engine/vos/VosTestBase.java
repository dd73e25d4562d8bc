package io.daos.engine.vos;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link VosFixture} (pool + container in a private temp dir) for every test. */
abstract class VosTestBase {
  @TempDir
  Path dir;
  VosFixture f;

  @BeforeEach
  void openFixture() {
    f = new VosFixture(dir);
  }

  @AfterEach
  void closeFixture() {
    f.close();
  }
}
