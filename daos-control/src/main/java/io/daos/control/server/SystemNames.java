package io.daos.control.server;

import io.daos.common.build.Version;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import java.util.Optional;

/**
 * DAOS's handling of the {@code sys} request field, which older clients overload as
 * {@code <system name>-<version>}: strip an optional semver suffix, and check the name.
 */
public final class SystemNames {
  private SystemNames() {
  }

  /** The system name without a trailing {@code -<major.minor.patch>}. */
  public static String stripVersion(String sys) {
    int dash = sys.lastIndexOf('-');
    if (dash < 0 || version(sys).isEmpty()) {
      return sys;
    }
    return sys.substring(0, dash);
  }

  /** The version suffix of {@code sys}, if it has one. */
  public static Optional<Version> version(String sys) {
    int dash = sys.lastIndexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Version.parse(sys.substring(dash + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Checks a request's {@code sys} against the running system's name.
   *
   * @throws Fault {@link FaultCode#SERVER_WRONG_SYSTEM} if they differ
   */
  public static void check(String sys, String systemName) {
    String name = stripVersion(sys);
    if (!name.equals(systemName)) {
      throw wrongSystem(name, systemName);
    }
  }

  public static Fault wrongSystem(String requested, String running) {
    return new Fault("server", FaultCode.SERVER_WRONG_SYSTEM,
        "request system does not match running system (" + requested + " != " + running + ")",
        "retry the request with the correct system name");
  }
}
