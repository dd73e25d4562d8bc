package io.daos.placement.ec;

/** {@link EcCodecContract} on the pure-Java codec. */
class JavaEcCodecTest extends EcCodecContract {
  @Override
  EcCodec codec(int k, int p) {
    EcCodec c = EcCodecs.java(k, p);
    org.junit.jupiter.api.Assertions.assertEquals("java", c.implementation());
    return c;
  }
}
