package io.daos.engine.vos;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Child process for {@link VosPoolTest}: writes values, prints "ACK i" after each acknowledged update, and halts
 * without closing anything (no clean shutdown), like an engine killed with -9.
 */
public final class CrashWriter {
  private CrashWriter() {
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    UUID uuid = UUID.fromString(args[1]);
    int n = Integer.parseInt(args[2]);
    VosPool pool = VosPool.create(dir, 0, VosOptions.defaults().withMapSize(64L << 20));
    VosContainer c = pool.createContainer(uuid);
    for (int i = 0; i < n; i++) {
      c.update(10 + i, VosFixture.OID, VosFixture.b("d" + i), List.of(Iod.single(VosFixture.b("a"), value(i))), 0);
      System.out.println("ACK " + i);
      System.out.flush();
    }
    Runtime.getRuntime().halt(0);
  }

  static byte[] value(int i) {
    return VosFixture.random(i % 2 == 0 ? 64 : 8192, i);
  }
}
