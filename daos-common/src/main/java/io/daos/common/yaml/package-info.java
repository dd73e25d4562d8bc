/**
 * Strict reading of DAOS's YAML config files in the manner of Go's {@code yaml.UnmarshalStrict}
 * ({@code src/control/lib/...} configs read with gopkg.in/yaml): unknown and repeated keys and wrongly typed
 * values are errors that name the line.
 */
package io.daos.common.yaml;
