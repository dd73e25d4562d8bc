package io.daos.client.cont;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What {@code daos_cont_get_acl} returns: the ACL's entries in DAOS's short form and order, and the container's
 * owner user and group ({@code name@[domain]}).
 *
 * @param entries ACEs such as {@code A::OWNER@:rwdtTaAo}
 * @param ownerUser the {@code DAOS_PROP_CO_OWNER} property
 * @param ownerGroup the {@code DAOS_PROP_CO_OWNER_GROUP} property
 */
public record ContainerAcl(List<String> entries, String ownerUser, String ownerGroup) {
  public ContainerAcl {
    entries = List.copyOf(entries);
  }

  /** From the ACL, owner and owner-group properties of a container query. */
  public static ContainerAcl of(ContainerProps p) {
    byte[] raw = p.raw(PropType.CO_ACL);
    String text = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
    List<String> entries = text.isEmpty() ? List.of() : List.of(text.split("\n"));
    return new ContainerAcl(entries, p.string(PropType.CO_OWNER), p.string(PropType.CO_OWNER_GROUP));
  }
}
