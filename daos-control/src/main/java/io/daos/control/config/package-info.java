/**
 * The control client's config, read from DAOS's YAML (src/control/lib/control/config.go), and its transport
 * security settings (src/control/security/config.go).
 */
package io.daos.control.config;
