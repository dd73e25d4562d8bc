package io.daos.control;

import static io.daos.control.TestMessages.QUERY;
import static io.daos.control.TestMessages.req;
import static io.daos.control.TestMessages.resp;
import static io.daos.control.TestMessages.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.protobuf.DynamicMessage;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.control.config.ControlConfig;
import io.daos.control.errors.ClientFaults;
import io.daos.control.errors.MsErrors;
import io.daos.control.errors.NotLeaderException;
import io.daos.control.errors.NotReplicaException;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ControlClientTest {
  private final FakeServers servers = new FakeServers();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final FakeClock clock = new FakeClock();
  private ControlClient client;

  /** A clock the sleeper advances, so retries take no real time. */
  static final class FakeClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** Random whose jitter is always 0. */
  static final class ZeroJitter extends Random {
    @Override
    public long nextLong(long bound) {
      return 0;
    }
  }

  private ControlClient client(String... hosts) {
    client = fakeClient(clock, new ZeroJitter(), sleeps, hosts);
    return client;
  }

  /** A client on {@link FakeServers} whose sleeps advance {@code clock} and are recorded in {@code sleeps}. */
  static ControlClient fakeClient(FakeClock clock, Random random, List<Duration> sleeps, String... hosts) {
    return ControlClient.builder().config(ControlConfig.defaults().withHostList(List.of(hosts)))
        .insecure(true).channelFactory(FakeServers.channels()).clock(clock).random(random)
        .sleeper(d -> {
          sleeps.add(d);
          clock.advance(d);
        }).build();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (client != null) {
      client.close();
    }
    servers.close();
  }

  @Test
  void redirectOnNotLeader() throws Exception {
    servers.start("replica1:10001", r -> {
      throw new NotLeaderException("replica2:10001", List.of("replica1:10001", "replica2:10001"));
    });
    servers.start("replica2:10001", r -> resp(0, 7, "from leader"));
    DynamicMessage got = client("replica1").invokeMs(QUERY, req("", "q"), MsRequestOptions.defaults()
        .withHosts(List.of("replica1")));
    assertEquals("from leader", value(got));
    assertEquals(List.of(Duration.ZERO), sleeps);
  }

  @Test
  void redirectOnNotReplicaTriesReplicas() throws Exception {
    servers.start("plain1:10001", r -> {
      throw new NotReplicaException(List.of("replica1:10001"));
    });
    servers.start("replica1:10001", r -> resp(0, 1, "replica answer"));
    assertEquals("replica answer", value(client("plain1").invokeMs(QUERY, req("", "q"))));
  }

  @Test
  void highestDataVersionWins() throws Exception {
    servers.start("ms1:10001", r -> resp(0, 3, "stale"));
    servers.start("ms2:10001", r -> resp(0, 9, "fresh"));
    servers.start("ms3:10001", r -> {
      throw new NotLeaderException("", List.of());
    });
    assertEquals("fresh", value(client("ms[1-3]").invokeMs(QUERY, req("", "q"))));
    assertEquals(3, servers.calls.size());
  }

  @Test
  void retryThenSuccess() throws Exception {
    AtomicInteger n = new AtomicInteger();
    servers.start("ms1:10001", r -> {
      if (n.incrementAndGet() <= 3) {
        throw new IllegalStateException(MsErrors.RAFT_UNAVAILABLE);
      }
      return resp(0, 1, "ready");
    });
    assertEquals("ready", value(client("ms1").invokeMs(QUERY, req("", "q"))));
    assertEquals(List.of(Duration.ZERO, Duration.ofMillis(250), Duration.ofMillis(250)), sleeps);
  }

  @Test
  void deadlineRespected() throws Exception {
    servers.start("ms1:10001", r -> {
      throw new IllegalStateException(MsErrors.LEADER_STEP_UP);
    });
    Fault f = assertThrows(Fault.class,
        () -> client("ms1").invokeMs(QUERY, req("", "q"), Duration.ofSeconds(20)));
    assertEquals(FaultCode.CLIENT_RPC_TIMEOUT, f.code());
    assertEquals("the SystemQuery request timed out after 20s", f.description());
    Duration slept = sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    assertTrue(slept.compareTo(Duration.ofSeconds(20)) < 0, "slept " + slept);
    assertEquals(List.of(0L, 250L, 250L, 500L, 1000L, 2000L, 4000L, 8000L),
        sleeps.stream().map(Duration::toMillis).toList());
  }

  @Test
  void realDeadlineOnHungServer() throws Exception {
    CountDownLatch hung = new CountDownLatch(1);
    servers.start("slow1:10001", r -> {
      try {
        hung.await(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return resp(0, 1, "late");
    });
    client = ControlClient.builder().hostList(List.of("slow1")).insecure(true)
        .channelFactory(FakeServers.channels()).build();
    long start = System.nanoTime();
    try {
      Fault f = assertThrows(Fault.class, () -> client.invokeMs(QUERY, req("", "q"), Duration.ofMillis(300)));
      assertEquals(FaultCode.CLIENT_RPC_TIMEOUT, f.code());
      assertTrue(System.nanoTime() - start < 1_900_000_000L, "took too long");
    } finally {
      hung.countDown();
    }
  }

  @Test
  void noLeaderWhenTheOtherReplicasAreDown() throws Exception {
    servers.start("ms1:10001", r -> {
      throw new NotLeaderException("", List.of("ms2:10001", "ms3:10001"));
    });
    for (String down : List.of("ms2:10001", "ms3:10001")) {
      servers.start(down, r -> {
        throw ClientFaults.connectionRefused(down);
      });
    }
    Fault f = assertThrows(Fault.class, () -> client("ms1").invokeMs(QUERY, req("", "q")));
    assertEquals(FaultCode.CLIENT_CONNECTION_REFUSED, f.code());
    assertTrue(f.description().startsWith("the DAOS Management Service has no leader: ms1:10001 knows of no leader "
        + "and the other MS replicas (ms2:10001, ms3:10001) did not answer"), f.description());
    assertTrue(f.resolution().contains("majority of the MS replicas"), f.resolution());
  }

  @Test
  void stoppedCandidateDoesNotHoldUpAnAnswer() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    servers.start("ms1:10001", r -> resp(0, 1, "answer"));
    servers.start("ms2:10001", r -> {
      try {
        release.await(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return resp(0, 1, "late");
    });
    client = ControlClient.builder().hostList(List.of("ms1", "ms2")).insecure(true)
        .channelFactory(FakeServers.channels()).build();
    long start = System.nanoTime();
    try {
      assertEquals("answer", value(client.invokeMs(QUERY, req("", "q"), Duration.ofSeconds(30))));
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms < DefaultControlClient.MS_SETTLE.toMillis() + 3_000, "took " + ms + " ms");
    } finally {
      release.countDown();
    }
  }

  @Test
  void requestTimeoutReplacesTheDefaultDeadline() throws Exception {
    servers.start("ms1:10001", r -> {
      throw new IllegalStateException(MsErrors.LEADER_STEP_UP);
    });
    client = ControlClient.builder().config(ControlConfig.defaults().withHostList(List.of("ms1")))
        .insecure(true).channelFactory(FakeServers.channels()).clock(clock).random(new ZeroJitter())
        .sleeper(d -> clock.advance(d)).requestTimeout(Duration.ofSeconds(7)).build();
    Fault f = assertThrows(Fault.class, () -> client.invokeMs(QUERY, req("", "q")));
    assertEquals("the SystemQuery request timed out after 7s", f.description());
  }

  @Test
  void typedErrorsAreFinal() throws Exception {
    servers.start("ms1:10001", r -> resp(DaosStatus.NONEXIST.code(), 0, ""));
    DaosException e = assertThrows(DaosException.class, () -> client("ms1").invokeMs(QUERY, req("", "q")));
    assertEquals(DaosStatus.NONEXIST, e.status());
    assertEquals(List.of(), sleeps);
  }

  @Test
  void headersAndSystemNameSent() throws Exception {
    servers.start("ms1:10001", r -> resp(0, 1, "ok"));
    client("ms1").invokeMs(QUERY, req("", "q"));
    FakeServers.Call c = servers.calls.get(0);
    assertEquals("admin", c.component());
    assertEquals("2.9.100", c.version());
    assertEquals("daos_server", TestMessages.sys(c.request()));
  }

  @Test
  void unknownServerNameIsUnavailableNotRetried() {
    StatusRuntimeExceptionCheck.assertCode(Status.Code.UNAVAILABLE,
        assertThrows(RuntimeException.class, () -> client("ghost").invokeMs(QUERY, req("", "q"))));
  }

  @Test
  void hostErrorGrouping() throws Exception {
    servers.start("node1:10001", r -> resp(0, 0, "fine"));
    servers.start("node2:10001", r -> {
      throw new Fault("server", FaultCode.SERVER_HARNESS_NOT_STARTED, "harness not started", "start it");
    });
    servers.start("node3:10001", r -> {
      throw new Fault("server", FaultCode.SERVER_HARNESS_NOT_STARTED, "harness not started", "start it");
    });
    servers.start("node4:10001", r -> resp(DaosStatus.BUSY.code(), 0, ""));
    HostResponses<DynamicMessage> got = client("node[1-4]").invokeHosts(QUERY, req("", "q"), List.of());
    assertEquals(List.of("node1:10001", "node2:10001", "node3:10001", "node4:10001"),
        got.responses().stream().map(HostResponse::address).toList());
    assertEquals("fine", value(got.successes().get("node1:10001")));
    JsonObject json = got.errors().toJson();
    assertEquals("node[2-3]:10001",
        json.get("server: code = 610 description = \"harness not started\"").getAsString());
    assertEquals("node4:10001", json.get(DaosStatus.BUSY.toString()).getAsString());
    assertEquals("3 hosts had errors", got.errors().summary().orElseThrow());
    assertEquals(3, got.errors().errorCount());
  }

  @Test
  void emptyHostListIsFault() {
    Fault f = assertThrows(Fault.class, () -> ControlClient.builder()
        .config(ControlConfig.defaults().withHostList(List.of())).insecure(true).build());
    assertEquals(FaultCode.CLIENT_CONFIG_EMPTY_HOST_LIST, f.code());
  }

  @Test
  void secureWithoutCredentialsIsActionable() {
    Fault f = assertThrows(Fault.class, () -> ControlClient.builder().build());
    assertEquals(FaultCode.SECURITY_MISSING_CERT_FILE, f.code());
    assertEquals("certificates are enabled, but /etc/daos/certs/daosCA.crt was not found", f.description());
    assertTrue(f.resolution().contains("--insecure"), f.resolution());
  }
}
