package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full media never kill an engine (issue 12), end to end: a real (in-process) system of one engine whose SCM mount
 * and bdev directory are each a small tmpfs. A pool create larger than the SCM file system is refused with
 * DER_NOSPACE and leaves nothing behind; small values fill a pool's SCM, large ones its NVMe, and a file beside an
 * SCM-only pool the whole file system: every write that does not fit gets DER_NOSPACE, the engine keeps running and
 * old data reads back; container and pool destroys give the space back; the engine restarts on the same mounts and
 * reads its data. The steps ({@link FullMediaClusterChild}) run in a child JVM in mount and network namespaces of
 * its own ({@code unshare -rmn}: no root needed where user namespaces are allowed; as root it works the same), so
 * that a fault in mapped files fails this test instead of killing the build, and so that the child's ports, which
 * it picks without knowing this JVM's, cannot collide with them (its in-memory fabric ports are never bound, so
 * this JVM could pick one, and the child's restart then found it taken).
 */
class FullMediaClusterTest {
  /** The SCM file system: one 1 GiB NVMe pool (its blob lives under the SCM mount) plus room for the rest. */
  private static final String SCM_SIZE = "1200m";
  private static final String NVME_SIZE = "64m";

  @TempDir
  Path dir;

  @Test
  void fullScmNvmeAndFileSystemGiveNoSpaceNotACrash() throws IOException, InterruptedException {
    Path scm = dir.resolve("host0/scm0");
    Path nvme = dir.resolve("host0/nvme0");
    Files.createDirectories(scm);
    Files.createDirectories(nvme);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String script = "ip link set lo up && mount -t tmpfs -o size=" + SCM_SIZE + " jdaos-scm \"$1\" && mount -t tmpfs -o size=" + NVME_SIZE
        + " jdaos-nvme \"$2\" && shift 2 && exec \"$@\"";
    List<String> cmd = new ArrayList<>(List.of("unshare", "-rmn", "sh", "-c", script, "sh", scm.toString(),
        nvme.toString(), java, "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens",
        "java.base/sun.nio.ch=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        FullMediaClusterChild.class.getName(), dir.toString()));
    Path log = dir.resolve("child.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(150, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly().waitFor();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    String steps = String.join("\n", out.lines().filter(l -> l.startsWith("ok: ") || l.startsWith("FAILED")
        || l.startsWith("ALL OK")).toList());
    System.out.println(steps);
    String tail = out.length() > 20_000 ? out.substring(out.length() - 20_000) : out;
    assertTrue(done, "the child did not finish in 150 s:\n" + steps + "\n" + tail);
    assertEquals(0, p.exitValue(), "exit " + p.exitValue() + " (134 = SIGBUS/abort in native code):\n" + steps
        + "\n" + tail);
    assertTrue(out.contains("ALL OK"), steps + "\n" + tail);
  }
}
