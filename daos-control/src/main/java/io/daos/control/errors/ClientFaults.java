package io.daos.control.errors;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import java.time.Duration;
import java.util.List;

/** Client-domain faults (DAOS codes 500-599) with text that says what to do next. */
public final class ClientFaults {
  public static final String DOMAIN = "client";

  private ClientFaults() {
  }

  public static Fault connectionRefused(String target) {
    return fault(FaultCode.CLIENT_CONNECTION_REFUSED, "no daos_server at " + target + " (connection refused)",
        "verify that daos_server is running on the host and listening on the configured port; start it with "
            + "`bin/daos_server start -o <config>`");
  }

  public static Fault noRoute(String target) {
    return fault(FaultCode.CLIENT_CONNECTION_NO_ROUTE, "no route to " + target + " (host unreachable)",
        "verify the address in the host list and that the host is up and reachable on the network "
            + "(check cabling, routes and firewalls)");
  }

  public static Fault badHost(String target) {
    return fault(FaultCode.CLIENT_CONNECTION_BAD_HOST,
        "the server address " + target + " could not be resolved (unknown host name)",
        "verify the host name in the host list (dmg -l or 'hostlist' in daos_control.yml), or use an IP address");
  }

  public static Fault closed(String target) {
    return fault(FaultCode.CLIENT_CONNECTION_CLOSED,
        "the server at " + target + " closed the connection without accepting a request",
        "verify the address, and that client and server agree on transport security "
            + "(transport_config.allow_insecure on both sides, or dmg --insecure)");
  }

  public static Fault timedOut(String target) {
    return fault(FaultCode.CLIENT_CONNECTION_TIMED_OUT, "the connection to the server at " + target + " timed out",
        "verify that the address is correct, that daos_server is running there, and that no firewall drops "
            + "traffic to the control port");
  }

  /** No connection to any of {@code hosts} within {@code wait}: nothing answers at those addresses. */
  public static Fault unreachable(List<String> hosts, Duration wait) {
    return fault(FaultCode.CLIENT_CONNECTION_TIMED_OUT, "no connection to " + String.join(", ", hosts) + " within "
        + GoDurations.format(wait) + " (host unreachable, or nothing listening there)",
        "check that daos_server is running on " + (hosts.size() == 1 ? "that host" : "those hosts") + " and listening "
            + "on that port, and that the host list is right (dmg -l/--host-list, or hostlist in daos_control.yml)");
  }

  /** The whole request ran out of time ({@code what} names the request, e.g. "SystemQuery"). */
  public static Fault rpcTimeout(String what, Duration timeout) {
    return fault(FaultCode.CLIENT_RPC_TIMEOUT,
        "the " + what + " request timed out after " + GoDurations.format(timeout),
        "retry the request or check server logs for more information");
  }

  /**
   * An MS request gave up while the MS had no leader: {@code answeredBy} knows none and the other replicas
   * did not answer ({@code cause}: the connection fault or the request timeout). Keeps the cause's code.
   */
  public static Fault noMsLeader(String answeredBy, List<String> others, Throwable cause) {
    FaultCode code = cause instanceof Fault f ? f.code() : FaultCode.CLIENT_UNKNOWN;
    String why = cause instanceof Fault f ? f.description() : String.valueOf(cause.getMessage());
    return fault(code, "the DAOS Management Service has no leader: " + answeredBy + " knows of no leader and "
        + "the other MS replicas (" + String.join(", ", others) + ") did not answer (" + why + ")",
        "an MS leader needs a majority of the MS replicas running: start daos_server on the replicas that are "
            + "down (`dmg system leader-query` lists them), then retry the request");
  }

  public static Fault emptyHostList() {
    return fault(FaultCode.CLIENT_CONFIG_EMPTY_HOST_LIST, "empty hostlist parameter in configuration",
        "specify a non-empty list of DAOS server addresses in configuration ('hostlist' parameter) "
            + "and retry the client application");
  }

  public static Fault badControlPort() {
    return fault(FaultCode.CLIENT_CONFIG_BAD_CONTROL_PORT, "invalid control port in configuration",
        "specify a nonzero control port in configuration ('port' parameter) and retry the client application");
  }

  /** A problem in a client configuration file. */
  public static Fault badConfig(String description, String resolution) {
    return fault(FaultCode.CLIENT_UNKNOWN, description, resolution);
  }

  /** True for the connection faults (bad host, closed, no route, refused, timed out). */
  public static boolean isConnectionFault(Throwable t) {
    return t instanceof Fault f && switch (f.code()) {
      case CLIENT_CONNECTION_BAD_HOST, CLIENT_CONNECTION_CLOSED, CLIENT_CONNECTION_NO_ROUTE,
          CLIENT_CONNECTION_REFUSED, CLIENT_CONNECTION_TIMED_OUT -> true;
      default -> false;
    };
  }

  private static Fault fault(FaultCode code, String description, String resolution) {
    return new Fault(DOMAIN, code, description, resolution);
  }
}
