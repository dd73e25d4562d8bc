package io.daos.engine.vos;

import java.util.List;

/** One bounded batch of an enumeration and the anchor to resume from. */
public record EnumPage<T>(List<T> items, Anchor anchor) {
  public EnumPage {
    items = List.copyOf(items);
  }
}
