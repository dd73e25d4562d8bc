package io.daos.tool.api;

import java.util.List;
import java.util.Map;

/** User attributes of a pool or a container. */
public interface AttrApi {
  /** The attribute names, sorted. */
  List<String> listAttributes();

  /** The values of {@code names} (all attributes when empty); DER_NONEXIST when one does not exist. */
  Map<String, byte[]> getAttributes(List<String> names);

  void setAttributes(Map<String, byte[]> attrs);

  void deleteAttributes(List<String> names);
}
