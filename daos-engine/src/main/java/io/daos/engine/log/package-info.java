/**
 * The engine's logging: {@code D_LOG_FILE} and {@code D_LOG_MASK} on logback, and the masks SetLogMasks changes at
 * run time (DAOS {@code src/gurt/dlog.c}, {@code src/common/debug.c}). Both the lifecycle and the mgmt dRPC
 * handlers use it, so it sits below both.
 */
package io.daos.engine.log;
