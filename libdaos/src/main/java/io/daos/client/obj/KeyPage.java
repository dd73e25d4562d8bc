package io.daos.client.obj;

import java.util.List;

/**
 * One page of a dkey or akey enumeration and the anchor to continue from.
 *
 * @param keys the keys, as stored
 * @param anchor where the next page starts; {@link Anchor#isEof()} when the listing is complete
 */
public record KeyPage(List<byte[]> keys, Anchor anchor) {
  public KeyPage {
    keys = List.copyOf(keys);
  }
}
