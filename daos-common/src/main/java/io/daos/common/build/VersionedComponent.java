package io.daos.common.build;

import java.util.Objects;

/** A component at a version, printed {@code component:version} as DAOS does. */
public record VersionedComponent(Component component, Version version) {
  public VersionedComponent {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(version, "version");
  }

  /** Parses the component wire name and version text (as carried in the gRPC headers). */
  public static VersionedComponent parse(String component, String version) {
    return new VersionedComponent(Component.fromWireName(component), Version.parse(version));
  }

  @Override
  public String toString() {
    return component.wireName() + ":" + version;
  }
}
