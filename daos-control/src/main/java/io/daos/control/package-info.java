/**
 * The gRPC control client and its wire conventions (DAOS's src/control/lib/control), with DAOS's server interceptor
 * chain (src/control/server/interceptors.go) that servers install and tests serve behind.
 */
package io.daos.control;
