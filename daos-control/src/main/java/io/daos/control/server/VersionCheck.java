package io.daos.control.server;

import io.daos.common.build.Component;
import io.daos.common.build.IncompatibleComponentsException;
import io.daos.common.build.Interop;
import io.daos.common.build.Version;
import io.daos.common.build.VersionedComponent;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.control.ProtoFields;
import io.grpc.Status;
import java.util.Optional;

/**
 * DAOS's server-side peer version check (server/interceptors.go checkVersion). The peer's version comes
 * from the {@code x-daos-component}/{@code x-daos-version} headers, else from a {@code -<version>} suffix of
 * the request's {@code sys} field (requests without {@code sys} are not checked). Without headers, an
 * unauthenticated peer must run exactly our version; otherwise {@link Interop} rules apply.
 */
public final class VersionCheck {
  private VersionCheck() {
  }

  /**
   * Checks one request.
   *
   * @param self this server
   * @param certComponent the component the peer authenticated as, or empty if insecure
   * @param headerComponent value of {@code x-daos-component}, or null
   * @param headerVersion value of {@code x-daos-version}, or null
   * @param request the request message
   * @throws Fault {@code SERVER_INCOMPATIBLE_COMPONENTS} or {@code SERVER_NO_COMPATIBILITY_INSECURE};
   *     a PERMISSION_DENIED status if the header contradicts the certificate; IllegalArgumentException for
   *     malformed headers
   */
  public static void check(VersionedComponent self, Optional<String> certComponent, String headerComponent,
      String headerVersion, Object request) {
    if (self.version().isZero()) {
      throw new IllegalStateException("unable to determine self server version");
    }
    boolean insecure = certComponent.isEmpty();
    String otherComponent = certComponent.orElse(Component.SERVER.wireName());
    Version otherVersion = Version.ZERO;
    if (headerComponent != null && headerVersion != null) {
      VersionedComponent fromHeaders = fromHeaders(headerComponent, headerVersion);
      otherVersion = fromHeaders.version();
      if (insecure) {
        otherComponent = fromHeaders.component().wireName();
      } else if (!otherComponent.equals(fromHeaders.component().wireName())) {
        throw Status.PERMISSION_DENIED.withDescription("component mismatch (req: \"" + fromHeaders.component()
            + "\" != cert: \"" + otherComponent + "\")").asRuntimeException();
      }
    } else {
      Optional<String> sys = ProtoFields.sys(request);
      if (sys.isEmpty()) {
        return; // nothing to check against: message compatibility is left to lower layers
      }
      otherVersion = SystemNames.version(sys.get()).orElse(Version.ZERO);
      if (insecure && !self.version().equals(otherVersion)) {
        throw noCompatibilityInsecure(self.version(), otherVersion);
      }
    }
    checkRules(self, otherComponent, otherVersion);
  }

  private static VersionedComponent fromHeaders(String component, String version) {
    try {
      return VersionedComponent.parse(component, version);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("failed to extract peer component/version from headers: "
          + e.getMessage(), e);
    }
  }

  private static void checkRules(VersionedComponent self, String otherComponent, Version otherVersion) {
    VersionedComponent other;
    try {
      other = new VersionedComponent(Component.fromWireName(otherComponent), otherVersion);
    } catch (IllegalArgumentException e) {
      throw incompatible(self.toString(), "unknown:" + otherVersion);
    }
    try {
      Interop.checkCompatibility(self, other);
    } catch (IncompatibleComponentsException e) {
      throw incompatible(self.toString(), other.toString());
    }
  }

  public static Fault incompatible(String self, String other) {
    return new Fault("server", FaultCode.SERVER_INCOMPATIBLE_COMPONENTS,
        "components " + self + " and " + other + " are not compatible",
        "retry the request with compatible components");
  }

  public static Fault noCompatibilityInsecure(Version self, Version other) {
    return new Fault("server", FaultCode.SERVER_NO_COMPATIBILITY_INSECURE,
        "versions " + self + " and " + other + " are not compatible in insecure mode",
        "enable certificates or use identical component versions");
  }
}
