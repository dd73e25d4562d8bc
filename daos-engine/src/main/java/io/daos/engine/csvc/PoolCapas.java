package io.daos.engine.csvc;

/** Pool handle capabilities ({@code POOL_CAPA_*} in {@code src/security/srv_internal.h}). */
public final class PoolCapas {
  public static final long READ = 1;
  public static final long CREATE_CONT = 2;
  public static final long DEL_CONT = 4;

  private PoolCapas() {
  }
}
