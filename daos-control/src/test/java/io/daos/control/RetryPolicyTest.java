package io.daos.control;

import static io.daos.control.TestMessages.QUERY;
import static io.daos.control.TestMessages.req;
import static io.daos.control.TestMessages.resp;
import static io.daos.control.TestMessages.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS TestControl_PoolCreate's retry cases: a policy's errors are retried until the deadline, others are final. */
class RetryPolicyTest {
  private final FakeServers servers = new FakeServers();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final ControlClientTest.FakeClock clock = new ControlClientTest.FakeClock();
  private ControlClient client;

  private ControlClient client() {
    client = ControlClientTest.fakeClient(clock, new Random(1), sleeps, "ms1");
    return client;
  }

  @AfterEach
  void tearDown() throws Exception {
    if (client != null) {
      client.close();
    }
    servers.close();
  }

  static Stream<Arguments> retried() {
    return Stream.of(
        Arguments.of("create -DER_TIMEDOUT is retried", (Supplier<RuntimeException>) () ->
            new DaosException(DaosStatus.TIMEDOUT)),
        Arguments.of("create -DER_GRPVER is retried", (Supplier<RuntimeException>) () ->
            new DaosException(DaosStatus.GRPVER)),
        Arguments.of("create -DER_AGAIN is retried", (Supplier<RuntimeException>) () ->
            new DaosException(DaosStatus.AGAIN)),
        Arguments.of("create DataPlaneNotStarted error is retried", (Supplier<RuntimeException>) () ->
            new Fault("server", FaultCode.SERVER_DATA_PLANE_NOT_STARTED, "data plane not started", "wait")),
        Arguments.of("create pool locked is retried", (Supplier<RuntimeException>) () ->
            new Fault("system", FaultCode.SYSTEM_POOL_LOCKED, "pool locked", "retry")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("retried")
  void TestControl_PoolCreate(String name, Supplier<RuntimeException> first) throws Exception {
    AtomicInteger n = new AtomicInteger();
    servers.start("ms1:10001", r -> {
      if (n.incrementAndGet() == 1) {
        throw first.get();
      }
      return resp(0, 1, "created");
    });
    assertEquals("created", value(client().invokeMs(QUERY, req("", "q"), RetryPolicy.POOL.options())));
    assertEquals(2, n.get());
  }

  @Test
  void nonRetryableFailure() throws Exception {
    servers.start("ms1:10001", r -> {
      throw new DaosException(DaosStatus.IO);
    });
    DaosException e = assertThrows(DaosException.class,
        () -> client().invokeMs(QUERY, req("", "q"), RetryPolicy.POOL.options()));
    assertEquals(DaosStatus.IO, e.status());
    assertEquals(1, servers.calls.size());
  }

  @Test
  void withoutThePolicyDerAgainIsFinal() throws Exception {
    servers.start("ms1:10001", r -> {
      throw new DaosException(DaosStatus.AGAIN);
    });
    assertThrows(DaosException.class, () -> client().invokeMs(QUERY, req("", "q")));
    assertEquals(1, servers.calls.size());
  }

  @Test
  void joinRetriesAnUninitializedReplicaAsDaosIsNotReady() throws Exception {
    AtomicInteger n = new AtomicInteger();
    servers.start("ms1:10001", r -> {
      if (n.incrementAndGet() == 1) {
        throw new Fault("system", FaultCode.SYSTEM_UNKNOWN, io.daos.control.errors.MsErrors.UNINITIALIZED, "format");
      }
      return resp(0, 1, "joined");
    });
    assertEquals("joined", value(client().invokeMs(QUERY, req("", "q"), RetryPolicy.JOIN.options())));
    assertTrue(!RetryPolicy.POOL.canRetry(new Fault("system", FaultCode.SYSTEM_UNKNOWN,
        io.daos.control.errors.MsErrors.UNINITIALIZED, "format")), "dmg requests fail at once");
  }

  @Test
  void retriesStopAtThePolicyDeadline() throws Exception {
    servers.start("ms1:10001", r -> {
      throw new DaosException(DaosStatus.AGAIN);
    });
    Fault f = assertThrows(Fault.class, () -> client().invokeMs(QUERY, req("", "q"),
        RetryPolicy.POOL.withTimeout(Duration.ofSeconds(30)).options()));
    assertEquals(FaultCode.CLIENT_RPC_TIMEOUT, f.code());
    Duration slept = sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    assertTrue(slept.compareTo(Duration.ofSeconds(30)) < 0, "slept " + slept);
    assertTrue(servers.calls.size() > 3, "calls " + servers.calls.size());
  }
}
