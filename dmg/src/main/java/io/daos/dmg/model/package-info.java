/**
 * dmg's picocli annotations as data ({@link io.daos.dmg.model.CommandModel}): the commands a command line names are
 * built from it with picocli's own option builders, without reading an annotation. No DAOS counterpart: DAOS's Go
 * dmg declares its commands as go-flags struct tags, which Go reads without any such cost.
 */
package io.daos.dmg.model;
