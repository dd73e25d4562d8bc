/**
 * An engine's bdev tiers by class: {@code file} (AIO on sparse files), {@code kdev} (AIO on kernel block devices)
 * and {@code nvme} (SPDK), and the {@code daos_nvme.conf} an engine reads for them. Mirrors DAOS
 * {@code src/control/server/storage/bdev} (backends and {@code backend_json.go}).
 */
package io.daos.server.storage.bdev;
