package io.daos.common.fault;

import java.util.Objects;

/**
 * A control-plane error a person can act on: a stable {@link FaultCode}, the domain it belongs to, what
 * went wrong (description) and what to do about it (resolution). CLIs print the resolution. Faults travel
 * between processes as gRPC ErrorInfo with reason {@code proto.fault.Fault}, as in DAOS.
 */
public final class Fault extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Resolution text DAOS uses when none is known. */
  public static final String RESOLUTION_UNKNOWN = "no known resolution";

  private final String domain;
  private final FaultCode code;
  private final String description;
  private final String reason;
  private final String resolution;

  public Fault(String domain, FaultCode code, String description, String resolution) {
    this(domain, code, description, "", resolution, null);
  }

  public Fault(String domain, FaultCode code, String description, String reason, String resolution,
      Throwable cause) {
    super(description, cause);
    this.domain = domain == null || domain.isBlank() ? "unknown" : domain;
    this.code = Objects.requireNonNull(code, "code");
    this.description = description == null || description.isBlank() ? "unknown fault" : description;
    this.reason = reason == null ? "" : reason;
    this.resolution = resolution == null ? "" : resolution;
  }

  public String domain() {
    return domain;
  }

  public FaultCode code() {
    return code;
  }

  public String description() {
    return description;
  }

  public String reason() {
    return reason;
  }

  public String resolution() {
    return resolution;
  }

  /** True if {@code t} (or a cause of it) is a fault with this code. */
  public static boolean hasCode(Throwable t, FaultCode code) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof Fault f && f.code == code) {
        return true;
      }
    }
    return false;
  }

  /** DAOS's rendering: {@code domain: code = N description = "..."}. */
  @Override
  public String getMessage() {
    return String.format("%s: code = %d description = \"%s\"", domain, code.number(), description);
  }

  /** DAOS's rendering of the resolution: {@code domain: code = N resolution = "..."}. */
  public String resolutionLine() {
    String r = resolution.isEmpty() ? RESOLUTION_UNKNOWN : resolution;
    return String.format("%s: code = %d resolution = \"%s\"", domain, code.number(), r);
  }
}
