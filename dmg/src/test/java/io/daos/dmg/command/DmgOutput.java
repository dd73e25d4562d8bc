package io.daos.dmg.command;

import io.daos.control.config.ControlConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Runs the dmg CLI in-process against a fake invoker, capturing exit code, stdout and stderr. */
public record DmgOutput(int exit, String out, String err) {
  /** {@code args} without -o: a daos_control.yml in {@code dir} (insecure, localhost) is used. */
  public static DmgOutput run(Path dir, ControlInvoker invoker, String... args) throws IOException {
    Path cfg = Files.writeString(dir.resolve("daos_control.yml"),
        "name: daos_server\nport: 10001\nhostlist:\n- localhost\ntransport_config:\n  allow_insecure: true\n");
    List<String> all = new ArrayList<>(List.of("-o", cfg.toString()));
    all.addAll(List.of(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Function<ControlConfig, ControlInvoker> factory = c -> invoker;
    int rc;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      rc = io.daos.dmg.Dmg.run(all.toArray(String[]::new), o, e, factory);
    }
    return new DmgOutput(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
