package io.daos.engine.swim;

/** A member's SWIM status ({@code enum swim_member_status}, without DAOS's bootstrap-only INACTIVE). */
public enum MemberStatus {
  ALIVE, SUSPECT, DEAD;

  /** 'A', 'S' or 'D', as DAOS's SWIM logs print it. */
  char letter() {
    return name().charAt(0);
  }
}
