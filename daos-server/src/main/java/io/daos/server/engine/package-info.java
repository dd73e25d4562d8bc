/**
 * The engines of one server: the harness ({@link io.daos.server.engine.EngineHarness}) and one
 * {@link io.daos.server.engine.EngineInstance} per configured engine with its run loop, start, NotifyReady setup, exit
 * handling, superblock, storage view and RAS publishing. Mirrors DAOS {@code src/control/server/harness.go},
 * {@code instance.go}, {@code instance_exec.go}, {@code instance_superblock.go}, {@code instance_storage.go} and
 * {@code instance_drpc.go}. How an engine process is started is in {@link io.daos.server.engine.launch}.
 */
package io.daos.server.engine;
