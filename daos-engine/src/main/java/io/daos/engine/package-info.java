/**
 * The engine process and its lifecycle, as DAOS's {@code src/engine} ({@code init.c}, {@code module.c}): the
 * {@code daos_engine} arguments and environment, {@link io.daos.engine.DaosEngine} starting and stopping the
 * subsystems of the packages below in a fixed order, the parent watchdog and the shutdown signals.
 */
package io.daos.engine;
