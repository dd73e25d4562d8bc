package io.daos.engine.bio;

import java.util.List;
import java.util.UUID;

/**
 * One device in SMD: its UUID (the blobstore's, chosen when the engine first saw the device), SPDK bdev name,
 * transport address (file, kernel device or PCI address), role bits, the targets it holds, its state and the LED
 * state last set on it (a number of {@code ctl.LedState}).
 */
public record SmdDev(UUID uuid, String name, String traddr, int roleBits, boolean aio, List<Integer> tgts,
    SmdState state, int led) {

  public SmdDev {
    tgts = List.copyOf(tgts);
  }

  SmdDev withState(SmdState s) {
    return new SmdDev(uuid, name, traddr, roleBits, aio, tgts, s, led);
  }

  SmdDev withLed(int l) {
    return new SmdDev(uuid, name, traddr, roleBits, aio, tgts, state, l);
  }

  SmdDev withTargets(List<Integer> t, int roles) {
    return new SmdDev(uuid, name, traddr, roles, aio, t, state, led);
  }
}
