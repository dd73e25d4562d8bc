/**
 * Erasure-coded object I/O (DAOS {@code cli_ec.c}, {@code obj_ec.h}): cell geometry and rotation, per-shard parts of
 * updates with client-computed parity, fetches that gather cells and reconstruct lost ones.
 */
package io.daos.client.obj.ec;
