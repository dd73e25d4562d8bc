package io.daos.placement;

/**
 * A pool target as placement sees it.
 *
 * @param id pool-wide target id (its position in the pool map)
 * @param rank engine rank
 * @param index target index within the engine
 * @param state current state
 * @param fseq map version of its last failure (1 when it never failed)
 */
public record Target(int id, int rank, int index, TargetState state, int fseq) {
  static Target of(MapComponent c) {
    return new Target(c.id(), c.rank(), c.index(), c.state(), c.fseq());
  }
}
