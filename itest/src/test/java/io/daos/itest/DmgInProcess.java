package io.daos.itest;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.daos.dmg.Dmg;
import io.daos.dmg.command.ControlInvokers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** dmg run in this JVM against a cluster's daos_control.yml (gRPC as the real dmg), its exit code and output. */
public final class DmgInProcess {
  private DmgInProcess() {
  }

  /** One dmg run: exit code, stdout, stderr. */
  public record Run(int rc, String out, String err) {
    /** stdout as JSON (a {@code -j} run). */
    public JsonObject json() {
      return JsonParser.parseString(out).getAsJsonObject();
    }

    /** The same as a {@link CommandResult}, as a dmg process would give it. */
    CommandResult result() {
      return new CommandResult(rc, out, err);
    }
  }

  public static Run run(Path controlConfig, String... args) {
    return run(controlConfig, null, args);
  }

  /** As {@link #run(Path, String...)} with every request's deadline {@code timeout} (JDAOS_DMG_TIMEOUT's). */
  public static Run run(Path controlConfig, java.time.Duration timeout, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "-o";
    all[1] = controlConfig.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int rc = Dmg.run(all, new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8), cfg -> ControlInvokers.grpc(cfg, timeout));
    return new Run(rc, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }
}
