package io.daos.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** jdaos's bounds on top of DAOS's Validate: each fault names the key and the fix. */
class ConfigLimitsTest {
  record Case(String name, UnaryOperator<ServerConfig> change, String expDesc, String expFix) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static ServerConfig engines(ServerConfig c, UnaryOperator<EngineConfig> e0, UnaryOperator<EngineConfig> e1) {
    return c.toBuilder().engines(List.of(e0.apply(c.engines().get(0)), e1.apply(c.engines().get(1)))).build();
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("too many targets", c -> engines(c, e -> e.withTargets(129), e -> e.withTargets(129)),
            "target count 129 is above 128", "at most 128"),
        new Case("helpers above twice the targets", c -> engines(c, e -> e.withNrXsHelpers(33),
            e -> e.withNrXsHelpers(33)), "#nr_xs_helpers(33) cannot exceed 2 times #targets", "at most 32"),
        new Case("fabric port leaves no room for raft", c -> engines(c, e -> e.withFabricIfacePort(65535), e -> e),
            "engines[0].fabric_iface_port 65535 leaves no room", "between 1024 and 65534"),
        new Case("fabric port on the control port", c -> engines(c, e -> e.withFabricIfacePort(10002), e -> e),
            "overlaps the control port 10001", "away from port 10001"),
        new Case("fabric ports adjacent on one interface", c -> engines(c,
            e -> e.withFabric(e.fabric().withIface("eth0").withPort(31416)),
            e -> e.withFabric(e.fabric().withIface("eth0").withPort(31417))),
            "engines[1].fabric_iface_port 31417 is within 1 of engine 0's 31416", "at least 2 apart"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void limits(Case tc) {
    ServerConfig cfg = tc.change.apply(TestConfigs.example());
    Fault f = assertThrows(Fault.class, cfg::validate);
    assertEquals(FaultCode.SERVER_BAD_CONFIG, f.code(), f.getMessage());
    assertTrue(f.getMessage().contains(tc.expDesc), f.getMessage());
    assertTrue(f.resolution().contains(tc.expFix), f.resolution());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("okCases")
  void withinLimits(String name, UnaryOperator<ServerConfig> change) {
    change.apply(TestConfigs.example()).validate();
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> okCases() {
    return Stream.of(org.junit.jupiter.params.provider.Arguments.of("ports two apart on one interface",
        (UnaryOperator<ServerConfig>) c -> engines(c, e -> e.withFabric(e.fabric().withIface("eth0").withPort(31416)),
            e -> e.withFabric(e.fabric().withIface("eth0").withPort(31418)))));
  }
}
