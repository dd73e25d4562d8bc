package io.daos.client;

import io.daos.client.rpc.Futures;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * User attributes of a pool or a container ({@code daos_pool_*_attr}, {@code daos_cont_*_attr}): names to byte
 * values. The blocking forms wait for the async ones.
 */
public interface UserAttributes {
  CompletableFuture<List<String>> listAttributesAsync();

  CompletableFuture<Map<String, byte[]>> getAttributesAsync(List<String> names);

  CompletableFuture<Void> setAttributesAsync(Map<String, byte[]> attrs);

  CompletableFuture<Void> deleteAttributesAsync(List<String> names);

  /** Attribute names, sorted. */
  default List<String> listAttributes() {
    return Futures.join(listAttributesAsync());
  }

  default Map<String, byte[]> getAttributes(List<String> names) {
    return Futures.join(getAttributesAsync(names));
  }

  default void setAttributes(Map<String, byte[]> attrs) {
    Futures.join(setAttributesAsync(attrs));
  }

  default void deleteAttributes(List<String> names) {
    Futures.join(deleteAttributesAsync(names));
  }
}
