package io.daos.dmg.command.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.daos.dmg.command.DmgOutput;
import io.daos.dmg.command.FakeControlInvoker;
import io.daos.dmg.command.HostResult;
import io.daos.proto.ctl.SetLogMasksReq;
import io.daos.proto.ctl.SetLogMasksResp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DAOS cmd/dmg/server_test.go TestDmg_ServerCommands and pretty/server_test.go's output cases. */
class ServerCommandsTest {
  @TempDir
  Path dir;

  private static final SetLogMasksResp OK = SetLogMasksResp.newBuilder().addErrors("").addErrors("").build();

  private SetLogMasksReq sent(String line) throws IOException {
    FakeControlInvoker fake = new FakeControlInvoker().onHosts("SetEngineLogMasks",
        List.of(HostResult.ok("host1:10001", OK)));
    DmgOutput r = DmgOutput.run(dir, fake, line.split(" "));
    assertEquals(0, r.exit(), r.err());
    return (SetLogMasksReq) fake.requests.get(0);
  }

  @Test
  void TestDmg_ServerCommands_resetLogMasksStreamsAndSubsystems() throws IOException {
    assertEquals(SetLogMasksReq.newBuilder().setSys("daos_server").setResetMasks(true).setResetStreams(true)
        .setResetSubsystems(true).build(), sent("server set-logmasks"));
  }

  @Test
  void TestDmg_ServerCommands_setLogMasks() throws IOException {
    assertEquals(SetLogMasksReq.newBuilder().setSys("daos_server").setMasks("ERR,mgmt=DEBUG").setResetStreams(true)
        .setResetSubsystems(true).build(), sent("server set-logmasks -m ERR,mgmt=DEBUG"));
  }

  @Test
  void TestDmg_ServerCommands_setLogMasksWithDebugStreamsAndSubsystems() throws IOException {
    assertEquals(SetLogMasksReq.newBuilder().setSys("daos_server").setMasks("ERR,mgmt=DEBUG").setStreams("MGMT,IO")
        .setResetSubsystems(true).build(), sent("srv slm -m ERR,mgmt=DEBUG -d MGMT,IO"));
    assertEquals(SetLogMasksReq.newBuilder().setSys("daos_server").setMasks("ERR,mgmt=DEBUG").setStreams("MGMT,IO")
        .setSubsystems("mISC").build(), sent("server set-logmasks -m ERR,mgmt=DEBUG -d MGMT,IO -s mISC"));
  }

  @Test
  void TestDmg_ServerCommands_setLogMasksWithInvalidFlagOrValue() throws IOException {
    FakeControlInvoker fake = new FakeControlInvoker();
    DmgOutput r = DmgOutput.run(dir, fake, "server", "set-logmasks", "--mask", "ERR,mgmt=DEBUG");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("Unknown option"), r.err());
    r = DmgOutput.run(dir, fake, "server", "set-logmasks", "-d", "MGMT,bogus");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("logging debug streams: unknown name \"bogus\""), r.err());
    r = DmgOutput.run(dir, fake, "server", "set-logmasks", "-m", "LOUD");
    assertEquals(1, r.exit());
    assertTrue(fake.requests.isEmpty(), "nothing is sent when a value is invalid");
  }

  @Test
  void PrintSetEngineLogMasksResp_successesAndEngineErrors() throws IOException {
    FakeControlInvoker fake = new FakeControlInvoker().onHosts("SetEngineLogMasks", List.of(
        HostResult.ok("host1:10001", SetLogMasksResp.newBuilder().addErrors("drpc fails").addErrors("").build()),
        HostResult.ok("host2:10001", OK)));
    DmgOutput r = DmgOutput.run(dir, fake, "server", "set-logmasks", "-m", "ERR");
    assertEquals(1, r.exit());
    assertEquals("Engine log-masks updated successfully on the following host: host2\n", r.out());
    assertTrue(r.err().contains("host1 engine-0: drpc fails, engine-1: updated"), r.err());
    assertTrue(r.err().contains("ERROR: dmg: set engine log level failed: 1 host had errors"), r.err());

    fake = new FakeControlInvoker().onHosts("SetEngineLogMasks", List.of(HostResult.ok("host1:10001", OK),
        HostResult.ok("host2:10001", OK)));
    r = DmgOutput.run(dir, fake, "server", "set-logmasks");
    assertEquals(0, r.exit(), r.err());
    assertEquals("Engine log-masks updated successfully on the following hosts: host[1-2]\n", r.out());
    r = DmgOutput.run(dir, fake, "-j", "server", "set-logmasks");
    JsonObject resp = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("response");
    assertEquals(0, resp.getAsJsonObject("host_errors").size());
    JsonObject set = resp.getAsJsonObject("HostStorage").entrySet().iterator().next().getValue().getAsJsonObject();
    assertEquals("host[1-2]:10001", set.get("hosts").getAsString());
    assertTrue(set.getAsJsonObject("storage").get("nvme_devices").isJsonNull());
  }
}
