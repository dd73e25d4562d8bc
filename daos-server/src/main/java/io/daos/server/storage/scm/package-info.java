/**
 * An engine's SCM tier by class: {@code ram} (tmpfs), {@code dcpm} (PMem namespace, ext4 with dax) and {@code dir}
 * (jdaos: a plain directory), each with format, mount and usage. Mirrors DAOS {@code src/control/server/storage/scm}.
 */
package io.daos.server.storage.scm;
