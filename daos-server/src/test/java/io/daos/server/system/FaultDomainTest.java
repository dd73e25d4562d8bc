package io.daos.server.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FaultDomainTest {
  record Case(String name, String input, String expErr, List<String> expDomains, String expString) {
  }

  static List<Case> cases() {
    return List.of(
        new Case("empty", "", null, List.of(), "/"),
        new Case("root specified", "/", null, List.of(), "/"),
        new Case("only whitespace", "  \n  \t", null, List.of(), "/"),
        new Case("single-level fault domain", "/host", null, List.of("host"), "/host"),
        new Case("multi-level fault domain", "/dc0/rack1/pdu2/host", null, List.of("dc0", "rack1", "pdu2", "host"),
            "/dc0/rack1/pdu2/host"),
        new Case("fix whitespace errors", " / rack 1/pdu 0    /host\n", null, List.of("rack 1", "pdu 0", "host"),
            "/rack 1/pdu 0/host"),
        new Case("symbols ok", "/$$$/#/!?/--++/}{", null, List.of("$$$", "#", "!?", "--++", "}{"),
            "/$$$/#/!?/--++/}{"),
        new Case("case insensitive", "/DC0/Rack1/PDU2/Host", null, List.of("dc0", "rack1", "pdu2", "host"),
            "/dc0/rack1/pdu2/host"),
        new Case("fault domain doesn't start with separator", "junk", "fault path must start with root", null, null),
        new Case("fault domain ends with separator", "/junk/", "invalid fault domain", null, null),
        new Case("fault domain with empty levels", "/dc0//pdu2/host", "invalid fault domain", null, null),
        new Case("fault domain with only whitespace between levels", "/dc0/    /pdu2/host", "invalid fault domain",
            null, null),
        new Case("labels", "/datacenter=dc0/rack=rack1/power=pdu2/node=host", null,
            List.of("dc0", "rack1", "pdu2", "host"), "/datacenter=dc0/rack=rack1/power=pdu2/node=host"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void TestSystem_NewFaultDomainFromString(Case tc) {
    if (tc.expErr() != null) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultDomain.parse(tc.input()));
      assertTrue(e.getMessage().contains(tc.expErr()), e.getMessage());
      return;
    }
    FaultDomain fd = FaultDomain.parse(tc.input());
    assertEquals(tc.expDomains(), fd.domains());
    assertEquals(tc.expDomains().size(), fd.numLevels());
    assertEquals(tc.expString(), fd.toString());
    assertEquals(fd, FaultDomain.parse(fd.toString()));
  }
}
