package io.daos.control;

import static io.daos.control.TestMessages.QUERY;
import static io.daos.control.TestMessages.req;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connection failures over a real transport (netty-shaded, test scope) become actionable client faults. */
class ConnectionFaultsTest {
  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void connectionRefused() throws Exception {
    String target = "127.0.0.1:" + freePort();
    try (ControlClient c = ControlClient.builder().hostList(List.of(target)).insecure(true).build()) {
      Fault f = assertThrows(Fault.class, () -> c.invokeMs(QUERY, req("", "q"), Duration.ofSeconds(20)));
      assertEquals(FaultCode.CLIENT_CONNECTION_REFUSED, f.code());
      assertEquals("no daos_server at " + target + " (connection refused)", f.description());
      assertEquals("verify that daos_server is running on the host and listening on the configured port; "
          + "start it with `bin/daos_server start -o <config>`", f.resolution());
    }
  }

  @Test
  void unknownHostIsBadHost() {
    try (ControlClient c = ControlClient.builder().hostList(List.of("no-such-host.invalid:10001")).insecure(true)
        .build()) {
      HostResponses<?> r = c.invokeHosts(QUERY, req("", "q"), List.of(), Duration.ofSeconds(20));
      Throwable err = r.responses().get(0).error();
      assertEquals(FaultCode.CLIENT_CONNECTION_BAD_HOST, ((Fault) err).code(), String.valueOf(err));
    }
  }

  @Test
  void refusedHostsGroupedInHostErrors() throws Exception {
    int p = freePort();
    try (ControlClient c = ControlClient.builder().hostList(List.of("127.0.0.1:" + p)).insecure(true).build()) {
      HostErrorsMap errs = c.invokeHosts(QUERY, req("", "q"), List.of(), Duration.ofSeconds(20)).errors();
      String key = "client: code = 506 description = \"no daos_server at 127.0.0.1:" + p + " (connection refused)\"";
      assertEquals("{\"" + key.replace("\"", "\\\"") + "\":\"127.0.0.1:" + p + "\"}", errs.toString());
    }
  }
}
