package io.daos.client.cont;

/**
 * A container snapshot.
 *
 * @param epoch the snapshot's epoch (HLC)
 * @param name its name ("" when none)
 */
public record Snapshot(long epoch, String name) {
}
