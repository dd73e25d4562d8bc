package io.daos.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which component may call which control-plane method (DAOS security/grpc_authorization.go's
 * methodAuthorizations). In secure mode the component is the CN of the caller's verified certificate; a method
 * not in the table is allowed to nobody.
 *
 * <p>jdaos extensions, each a call jdaos's own daos_server makes to another server that DAOS makes otherwise:
 * {@code ListPools} (a server's dRPC pool lookup asks the MS), {@code SystemErase} (the MS erases each host) and
 * the gRPC health check (the MS's host liveness probe) also admit {@code server}.
 */
public final class Authorization {
  /** DAOS security.Component. */
  public enum Component {
    UNDEFINED("undefined"), ADMIN("admin"), AGENT("agent"), SERVER("server");

    private final String text;

    Component(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }

    /** DAOS CommonNameToComponent: "admin", "agent" or "server", anything else undefined. */
    public static Component fromCommonName(String cn) {
      for (Component c : values()) {
        if (c != UNDEFINED && c.text.equals(cn)) {
          return c;
        }
      }
      return UNDEFINED;
    }

    /** DAOS Component.HasAccess. */
    public boolean hasAccess(String fullMethod) {
      Set<Component> allowed = METHODS.get(fullMethod);
      return allowed != null && allowed.contains(this);
    }
  }

  private static final Map<String, Set<Component>> METHODS = new LinkedHashMap<>();

  static {
    Component a = Component.ADMIN;
    Component g = Component.AGENT;
    Component s = Component.SERVER;
    for (String m : new String[] {"StorageScan", "StorageFormat", "StorageNvmeRebind", "StorageNvmeAddDevice",
        "NetworkScan", "CollectLog", "SmdQuery", "SmdManage", "SetEngineLogMasks"}) {
      put("/ctl.CtlSvc/" + m, a);
    }
    for (String m : new String[] {"PrepShutdownRanks", "StopRanks", "ResetFormatRanks", "StartRanks",
        "CheckEngineRepair"}) {
      put("/ctl.CtlSvc/" + m, s);
    }
    for (String m : new String[] {"Join", "ClusterEvent", "SystemCheckEngineReport"}) {
      put("/mgmt.MgmtSvc/" + m, s);
    }
    for (String m : new String[] {"LeaderQuery", "SystemQuery", "SystemStart", "SystemStop", "SystemExclude",
        "SystemDrain", "SystemRebuildManage", "SystemSelfHealEval", "PoolCreate", "PoolDestroy", "PoolQuery",
        "PoolQueryTarget", "PoolSetProp", "PoolGetProp", "PoolGetACL", "PoolOverwriteACL", "PoolUpdateACL",
        "PoolDeleteACL", "PoolExclude", "PoolExtend", "PoolUpgrade", "ListContainers", "ContSetOwner",
        "SystemCheckEnable", "SystemCheckDisable", "SystemCheckStart", "SystemCheckStop", "SystemCheckQuery",
        "SystemCheckSetPolicy", "SystemCheckGetPolicy", "SystemCheckRepair", "FaultInjectReport",
        "FaultInjectPoolFault", "FaultInjectMgmtPoolFault", "SystemSetAttr", "SystemGetAttr", "SystemSetProp"}) {
      put("/mgmt.MgmtSvc/" + m, a);
    }
    for (String m : new String[] {"PoolDrain", "PoolReintegrate", "PoolRebuildStart", "PoolRebuildStop",
        "PoolSelfHealEval", "SystemGetProp"}) {
      put("/mgmt.MgmtSvc/" + m, a, s);
    }
    for (String m : new String[] {"PoolEvict", "GetAttachInfo", "SystemCleanup"}) {
      put("/mgmt.MgmtSvc/" + m, a, g);
    }
    // jdaos's server-to-server calls (see the class comment).
    put("/mgmt.MgmtSvc/ListPools", a, s);
    put("/mgmt.MgmtSvc/SystemErase", a, s);
    put("/grpc.health.v1.Health/Check", a, s);
  }

  private Authorization() {
  }

  private static void put(String method, Component... comps) {
    METHODS.put(method, EnumSet.of(comps[0], comps));
  }

  /** The whole table, method → components. */
  public static Map<String, Set<Component>> table() {
    return java.util.Collections.unmodifiableMap(METHODS);
  }

  /** DAOS's denial text: "{@code <component>} does not have permission to call {@code <method>}". */
  public static String denial(Component c, String fullMethod) {
    return c + " does not have permission to call " + fullMethod;
  }
}
