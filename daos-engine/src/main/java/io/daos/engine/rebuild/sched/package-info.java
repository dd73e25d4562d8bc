/**
 * The pool service leader's rebuild scheduling (DAOS {@code ds_rebuild_schedule}, {@code rebuild_task_ult},
 * {@code rebuild_task_complete_schedule}, {@code ds_rebuild_regenerate_task}): every committed exclude, drain,
 * reintegration and extension queues a rebuild task per pool; a finished rebuild runs the finish map step and the
 * reclaim; failures retry with backoff; a new leader regenerates the unfinished tasks from its map.
 */
package io.daos.engine.rebuild.sched;
