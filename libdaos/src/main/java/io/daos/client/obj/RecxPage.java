package io.daos.client.obj;

import java.util.List;

/**
 * One page of a recx enumeration ({@code daos_obj_list_recx}).
 *
 * @param recxs the visible extents
 * @param recordSize the record size of the array
 * @param anchor where the next page starts
 */
public record RecxPage(List<Recx> recxs, long recordSize, Anchor anchor) {
  public RecxPage {
    recxs = List.copyOf(recxs);
  }
}
