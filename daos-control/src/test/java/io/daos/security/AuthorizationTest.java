package io.daos.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.security.Authorization.Component;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DAOS security/grpc_authorization_test.go. */
class AuthorizationTest {
  private static List<String> allMethods() {
    List<String> out = new ArrayList<>();
    for (ServiceDescriptor sd : List.of(CtlSvcGrpc.getServiceDescriptor(), MgmtSvcGrpc.getServiceDescriptor())) {
      for (MethodDescriptor<?, ?> m : sd.getMethods()) {
        out.add("/" + m.getFullMethodName());
      }
    }
    return out;
  }

  @Test
  void testSecurity_CommonNameToComponent() {
    assertEquals(Component.ADMIN, Component.fromCommonName("admin"));
    assertEquals(Component.AGENT, Component.fromCommonName("agent"));
    assertEquals(Component.SERVER, Component.fromCommonName("server"));
    assertEquals(Component.UNDEFINED, Component.fromCommonName("knight"));
    assertEquals(Component.UNDEFINED, Component.fromCommonName("undefined"));
    assertEquals(Component.UNDEFINED, Component.fromCommonName(""));
  }

  @Test
  void testSecurity_ComponentHasAccess() {
    for (String m : allMethods()) {
      assertFalse(Component.UNDEFINED.hasAccess(m), m);
    }
    assertTrue(Component.ADMIN.hasAccess("/mgmt.MgmtSvc/PoolCreate"));
    assertFalse(Component.AGENT.hasAccess("/mgmt.MgmtSvc/PoolCreate"));
    assertFalse(Component.SERVER.hasAccess("/mgmt.MgmtSvc/PoolCreate"));
    assertTrue(Component.AGENT.hasAccess("/mgmt.MgmtSvc/GetAttachInfo"));
    assertTrue(Component.SERVER.hasAccess("/mgmt.MgmtSvc/Join"));
    assertFalse(Component.ADMIN.hasAccess("/mgmt.MgmtSvc/Join"));
    assertTrue(Component.SERVER.hasAccess("/ctl.CtlSvc/StopRanks"));
    assertFalse(Component.ADMIN.hasAccess("/ctl.CtlSvc/StopRanks"));
    assertTrue(Component.ADMIN.hasAccess("/ctl.CtlSvc/StorageFormat"));
    assertFalse(Component.ADMIN.hasAccess("/mgmt.MgmtSvc/NoSuchMethod"));
    assertEquals("agent does not have permission to call /mgmt.MgmtSvc/PoolCreate",
        Authorization.denial(Component.AGENT, "/mgmt.MgmtSvc/PoolCreate"));
  }

  /** Every CtlSvc and MgmtSvc method is in the table, so none is left to nobody by mistake. */
  @Test
  void testSecurity_AllRpcsAreAuthorized() {
    for (String m : allMethods()) {
      Set<Component> allowed = Authorization.table().get(m);
      assertTrue(allowed != null && !allowed.isEmpty(), m + " has no authorization");
    }
  }

  /** Every method in the table exists (a renamed RPC would otherwise be silently denied). */
  @Test
  void testSecurity_AuthorizedRpcsAreValid() {
    List<String> all = allMethods();
    for (String m : Authorization.table().keySet()) {
      assertTrue(all.contains(m) || m.equals("/grpc.health.v1.Health/Check"), m + " is not a method");
    }
  }
}
