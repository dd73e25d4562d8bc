package io.daos.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mirrors DAOS Test_MergeLogEnvVars (case names kept). */
class LogMasksTest {
  record Case(String name, String masks, String subsystems, String expMasks) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("empty subsystems", "", "", ""),
        new Case("empty masks", "", "misc", ""),
        new Case("debug base level", "debug", "vos", "ERR,vos=DBUG"),
        new Case("skip subsystem", "ERROR,misc=CRIT,mem=DEBUG", "misc", "ERR,misc=CRIT"),
        new Case("don't skip subsystem if level above error", "error,common=crit,vos=debug", "vos",
            "ERR,common=CRIT,vos=DBUG"),
        new Case("keep assignment for subsystem in list", "err,container=debug,object=debug", "object",
            "ERR,object=DBUG"),
        new Case("add assignment for subsystem in list; remove ineffective assignments", "dbug,rdb=crit,pool=err",
            "pool,mgmt", "ERR,rdb=CRIT,mgmt=DBUG"),
        new Case("default base level applied", "corpc=crit,iv=dbug,grp=dbug", "iv,st", "ERR,corpc=CRIT,iv=DBUG"),
        new Case("all passthrough", "debug", "all", "DBUG"),
        new Case("long mask string", "info,dtx=debug,vos=debug,object=debug", "",
            "INFO,dtx=DBUG,vos=DBUG,object=DBUG"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void mergeLogEnvVars(Case tc) {
    assertEquals(tc.expMasks, LogMasks.merge(tc.masks, tc.subsystems));
  }

  @Test
  void validateMasks() {
    assertNull(LogMasks.problem("ERR"));
    assertNull(LogMasks.problem("info,vos=debug,mgmt=err"));
    assertNotNull(LogMasks.problem("DBGG"));
    assertNotNull(LogMasks.problem("ERR,all=DEBUG"));
    assertNotNull(LogMasks.problem("ERR,nosuch=DEBUG"));
    assertNotNull(LogMasks.problem("ERR;rm -rf"));
  }
}
