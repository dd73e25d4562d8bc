/**
 * LMDB databases and cursors seen through byte arrays, and the big-endian key helpers (standing in for DAOS's
 * {@code src/common/btree.c} over umem): the layer every VOS package below {@code vos} reads and writes through.
 */
package io.daos.engine.vos.lmdb;
