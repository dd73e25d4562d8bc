package io.daos.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mirrors DAOS's TestUI_ByteSizeFlag (lib/ui/num_flags_test.go) plus go-humanize's unit table. */
class ByteSizeTest {
  record Case(String name, String input, long expSize, String expStr, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("empty", "", 0, null, "no size specified"),
        new Case("invalid size", "horse", 0, null, "invalid size"),
        new Case("negative size invalid", "-438 TB", 0, null, "invalid size"),
        new Case("0", "0", 0, "0 B", null),
        new Case("weird but valid", "0 EiB", 0, "0 B", null),
        new Case("valid MB", "10MB", 10_000_000, "10 MB", null),
        new Case("valid raw number", "1058577", 1058577, "1.1 MB", null),
        new Case("decimal G", "2G", 2_000_000_000L, "2.0 GB", null),
        new Case("decimal GB", "2GB", 2_000_000_000L, "2.0 GB", null),
        new Case("binary GiB", "2GiB", 2L << 30, "2.1 GB", null),
        new Case("binary Gi lower case", "2gi", 2L << 30, "2.1 GB", null),
        new Case("decimal M", "512M", 512_000_000L, "512 MB", null),
        new Case("decimal T", "1T", 1_000_000_000_000L, "1.0 TB", null),
        new Case("fraction", "1.5 TB", 1_500_000_000_000L, "1.5 TB", null),
        new Case("bad unit", "5 GX", 0, null, "unhandled size name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parse(Case tc) {
    if (tc.expErr() != null) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(tc.input()));
      assertTrue(e.getMessage().contains(tc.expErr()), e.getMessage());
      return;
    }
    ByteSize s = ByteSize.parse(tc.input());
    assertEquals(tc.expSize(), s.bytes());
    assertEquals(tc.expStr(), s.toSiString());
  }

  @Test
  void iecFormatting() {
    assertEquals("2.0 GiB", ByteSize.ofBytes(2L << 30).toIecString());
    assertEquals("79 MiB", ByteSize.ofBytes(82854982).toIecString());
    assertEquals("83 MB", ByteSize.ofBytes(82854982).toSiString());
    assertEquals("9 B", ByteSize.ofBytes(9).toIecString());
    assertEquals("16 EiB", ByteSize.ofBytes(-1).toIecString());
  }

  @Test
  void halfRoundsToEvenAsGo() {
    assertEquals("10 kB", ByteSize.ofBytes(10_500).toSiString());
  }
}
