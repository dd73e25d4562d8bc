package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.client.DaosKv;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Values written to some KVs, every acknowledged one kept (key "kv index/key"), and the checks the self-healing
 * tests end with: each reads back byte-exact, and the same from every replica of its group (DIOF_TO_SPEC_SHARD).
 */
final class AckedKeys {
  final List<DaosKv> kvs;
  final Map<String, byte[]> acked = new ConcurrentHashMap<>();
  final AtomicInteger failures = new AtomicInteger();
  volatile String lastError = "";

  AckedKeys(List<DaosKv> kvs) {
    this.kvs = List.copyOf(kvs);
  }

  /** Writes {@code n} keys named {@code prefix-i} to each KV, random values seeded by {@code prefix}. */
  AckedKeys fill(String prefix, int n) {
    Random rnd = new Random(prefix.hashCode());
    for (int k = 0; k < kvs.size(); k++) {
      for (int i = 0; i < n; i++) {
        put(k, prefix + "-" + i, value(rnd));
      }
    }
    return this;
  }

  /** A random value of 16 to 2,015 bytes. */
  static byte[] value(Random rnd) {
    byte[] v = new byte[16 + rnd.nextInt(2000)];
    rnd.nextBytes(v);
    return v;
  }

  /** Puts {@code v} under {@code key} in KV {@code k}; kept once acknowledged (a failure throws). */
  void put(int k, String key, byte[] v) {
    kvs.get(k).put(key, v);
    acked.put(k + "/" + key, v);
  }

  /** One write; kept when acknowledged, counted (with its error) when it fails. */
  boolean tryPut(int k, String key, byte[] v) {
    try {
      put(k, key, v);
      return true;
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      lastError = e.toString();
      return false;
    }
  }

  /** Every acknowledged write reads back byte-exact. */
  void verifyReads(String when) {
    for (Map.Entry<String, byte[]> e : acked.entrySet()) {
      assertArrayEquals(e.getValue(), kv(e.getKey()).get(key(e.getKey())), when + ": " + e.getKey());
    }
    System.out.printf("%s: %d acknowledged writes read back byte-exact (%d failed writes)%n", when, acked.size(),
        failures.get());
  }

  /** Every acknowledged write reads the same from every replica of its group. */
  void verifyReplicas(String when) {
    List<String> divergent = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : acked.entrySet()) {
      DaosKv kv = kv(e.getKey());
      byte[] key = key(e.getKey()).getBytes(StandardCharsets.UTF_8);
      for (int r = 0; r < kv.replicas(); r++) {
        byte[] got = kv.getReplicaAsync(key, r).join();
        if (!Arrays.equals(e.getValue(), got)) {
          divergent.add(e.getKey() + " replica " + r + (got == null ? " missing" : " differs"));
        }
      }
    }
    assertEquals(List.of(), divergent.subList(0, Math.min(20, divergent.size())), when + ": " + divergent.size()
        + " of " + acked.size() + " acknowledged writes differ on some replica");
    System.out.printf("%s: %d acknowledged writes identical on every replica%n", when, acked.size());
  }

  /** {@link #verifyReads} and {@link #verifyReplicas}. */
  void verify(String when) {
    verifyReads(when);
    verifyReplicas(when);
  }

  private DaosKv kv(String ackedKey) {
    return kvs.get(Integer.parseInt(ackedKey.substring(0, ackedKey.indexOf('/'))));
  }

  private static String key(String ackedKey) {
    return ackedKey.substring(ackedKey.indexOf('/') + 1);
  }
}
