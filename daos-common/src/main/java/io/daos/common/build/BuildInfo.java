package io.daos.common.build;

/** Build-wide constants: the DAOS version whose protocols we speak, and DAOS's built-in defaults. */
public final class BuildInfo {
  /** The DAOS release whose protobufs, dRPC and behaviour this build matches. */
  public static final Version DAOS_VERSION = new Version(2, 9, 100);
  /** Default control-plane gRPC port. */
  public static final int DEFAULT_CONTROL_PORT = 10001;
  /** Default DAOS system name. */
  public static final String DEFAULT_SYSTEM_NAME = "daos_server";
  /** How DAOS names the management service in messages. */
  public static final String MANAGEMENT_SERVICE_NAME = "DAOS Management Service";
  /** Header carrying the caller's component name. */
  public static final String COMPONENT_HEADER = "x-daos-component";
  /** Header carrying the caller's version. */
  public static final String VERSION_HEADER = "x-daos-version";
  /** Longest valid system name (DAOS_SYS_NAME_MAX). */
  public static final int SYSTEM_NAME_MAX = 15;

  private BuildInfo() {
  }

  /** This build as the given component. */
  public static VersionedComponent as(Component component) {
    return new VersionedComponent(component, DAOS_VERSION);
  }
}
