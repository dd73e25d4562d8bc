package io.daos.dmg.command.version;

/** dmg's build identity (DAOS build.AdminUtilName and version). */
public final class DmgVersion {
  public static final String VERSION = io.daos.common.build.BuildInfo.DAOS_VERSION.toString();
  public static final String ADMIN_UTIL_NAME = "DAOS Admin Tool";
  public static final String CONTROL_PLANE_NAME = "DAOS Control Server";

  private DmgVersion() {
  }

  /** DAOS's "NAME version X" line. */
  public static String line(String name, String version) {
    return name + " version " + version;
  }
}
