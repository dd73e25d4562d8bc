/**
 * {@code dmg storage}; DAOS {@code src/control/cmd/dmg/storage.go}.
 */
package io.daos.dmg.command.storage;
