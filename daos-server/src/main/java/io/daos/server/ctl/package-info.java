/**
 * The gRPC CtlSvc, the per-host control service: a thin adapter ({@link io.daos.server.ctl.ControlService}) over the
 * handlers for the rank lifecycle (PrepShutdown, Stop, Start, ResetFormat), storage scan and format, network scan and
 * engine log masks, with the call deadline, and the scan of the storage a config names. Mirrors DAOS
 * {@code src/control/server/ctl_svc.go} and its {@code ctl_*_rpc.go} files (ranks, storage, network).
 */
package io.daos.server.ctl;
