package io.daos.engine.vos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.engine.vos.blob.BlobKind;
import io.daos.engine.vos.blob.PmemPresence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full media never crash a target (issue 12): a target created on a full file system, one whose LMDB map fills and
 * one whose blob runs the file system out of space all answer DER_NOSPACE, keep their old data readable, reopen, and
 * get their space back on container destroy. The steps ({@link FullMediaChild}) run in a child JVM on an 8 MiB tmpfs
 * mounted in a mount namespace of its own ({@code unshare -rm}: no root needed where user namespaces are allowed),
 * so that a fault in LMDB's mapped files, which used to kill the engine with SIGBUS, fails this test instead of
 * killing the build. Once per blob backend: a mapped SCM blob must grow into a full file system without a SIGBUS
 * too.
 */
class VosFullMediaTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(names = {"FILE", "SCM_PMEM", "SCM_MAPPED"})
  void fullMediaGiveNoSpaceNotACrash(BlobKind kind) throws Exception {
    if (!PmemPresence.usable(kind, dir)) {
      return;
    }
    Path mnt = dir.resolve("tmpfs");
    java.nio.file.Files.createDirectories(mnt);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    String script = "mount -t tmpfs -o size=8m jdaos-test \"$1\" && shift && exec \"$@\"";
    List<String> cmd = new ArrayList<>(List.of("unshare", "-rm", "sh", "-c", script, "sh", mnt.toString(), java,
        "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "-cp", cp, FullMediaChild.class.getName(), mnt.toString(), kind.name()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertTrue(done, "the child did not finish in 120 s:\n" + out);
    assertEquals(0, p.exitValue(), "exit " + p.exitValue() + " (134 = SIGBUS/abort in native code):\n" + out);
    assertTrue(out.contains("ALL OK"), out);
  }
}
