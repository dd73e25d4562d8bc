package io.daos.placement.ec;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link EcCodecContract} on ISA-L's codec; where ISA-L is absent (and not required, see {@link IsalPresence}), on
 * the codec {@link EcCodecs#get} falls back to, after checking that it is the pure-Java one.
 */
class IsalEcCodecTest extends EcCodecContract {
  @Override
  EcCodec codec(int k, int p) {
    EcCodec c = IsalPresence.present() ? EcCodecs.isal(k, p) : EcCodecs.get(k, p);
    assertEquals(EcCodecs.isalLoaded() ? "isa-l" : "java", c.implementation());
    return c;
  }
}
