/**
 * Output of {@code dmg storage scan|format}: hosts grouped by identical storage and the summary and per-device
 * tables; DAOS {@code src/control/cmd/dmg/pretty/storage.go}, {@code storage_scm.go}, {@code storage_nvme.go} and
 * {@code src/control/lib/control/storage.go} ({@code HostStorageMap}).
 */
package io.daos.dmg.output.storage;
