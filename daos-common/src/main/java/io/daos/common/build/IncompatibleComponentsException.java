package io.daos.common.build;

/** Two components failed an interoperability rule; the message reads as DAOS's error. */
public final class IncompatibleComponentsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient VersionedComponent self;
  private final transient VersionedComponent other;

  public IncompatibleComponentsException(String rule, VersionedComponent self, VersionedComponent other) {
    super((rule == null || rule.isEmpty() ? "" : rule + ": ") + "incompatible components: " + self + ", " + other);
    this.self = self;
    this.other = other;
  }

  public VersionedComponent self() {
    return self;
  }

  public VersionedComponent other() {
    return other;
  }
}
