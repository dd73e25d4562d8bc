/**
 * The VOS index, DAOS's {@code vos_tree.c}, {@code ilog.c} and {@code evtree.c}: how containers, objects, dkeys,
 * akeys, values and extents are keyed in the index database, the incarnation-log queries of one transaction, and
 * which array extents are visible at an epoch; also the object id and iod type the keys are built from.
 */
package io.daos.engine.vos.tree;
