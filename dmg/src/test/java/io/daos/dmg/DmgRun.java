package io.daos.dmg;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.daos.dmg.command.ControlInvokers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs dmg in-process with captured stdout/stderr against a daos_control.yml listing the given hosts. */
record DmgRun(int exit, String out, String err) {
  static Path config(Path dir, List<String> hosts) throws IOException {
    StringBuilder yml = new StringBuilder("name: daos_server\nport: 10001\nhostlist:\n");
    hosts.forEach(h -> yml.append("- ").append(h).append('\n'));
    yml.append("transport_config:\n  allow_insecure: true\n");
    return Files.writeString(dir.resolve("daos_control.yml"), yml);
  }

  static DmgRun run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      rc = Dmg.run(args, o, e, ControlInvokers::grpc);
    }
    return new DmgRun(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  JsonObject json() {
    return JsonParser.parseString(out).getAsJsonObject();
  }
}
