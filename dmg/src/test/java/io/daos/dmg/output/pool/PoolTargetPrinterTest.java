package io.daos.dmg.output.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.daos.proto.mgmt.PoolQueryTargetInfo;
import io.daos.proto.mgmt.PoolQueryTargetResp;
import io.daos.proto.mgmt.StorageMediaType;
import io.daos.proto.mgmt.StorageTargetUsage;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS TestPretty_PrintPoolQueryTargetResponse, and the query-targets JSON shape. */
class PoolTargetPrinterTest {
  private static final StorageTargetUsage TIER0 = StorageTargetUsage.newBuilder().setTotal(6_000_000_000L)
      .setFree(5_000_000_000L).setMediaType(StorageMediaType.SCM).build();
  private static final StorageTargetUsage TIER1 = StorageTargetUsage.newBuilder().setTotal(100_000_000_000L)
      .setFree(90_000_000_000L).setMediaType(StorageMediaType.NVME).build();
  private static final String TIERS = "- Storage tier 0 (SCM):\n  Total size: 6.0 GB\n  Free: 5.0 GB\n"
      + "- Storage tier 1 (NVME):\n  Total size: 100 GB\n  Free: 90 GB\n";

  private static PoolQueryTargetInfo info(int state, StorageTargetUsage... tiers) {
    PoolQueryTargetInfo.Builder b = PoolQueryTargetInfo.newBuilder().setStateValue(state);
    for (StorageTargetUsage t : tiers) {
      b.addSpace(t);
    }
    return b.build();
  }

  static Stream<Arguments> cases() {
    StorageTargetUsage third = StorageTargetUsage.newBuilder().setTotal(800_000_000_000L)
        .setFree(200_000_000_000L).build();
    String thirdText = "- Storage tier 2 (UNKNOWN):\n  Total size: 800 GB\n  Free: 200 GB\n";
    return Stream.of(
        Arguments.of("empty response", PoolQueryTargetResp.getDefaultInstance(), ""),
        Arguments.of("der_nonexist response (e.g., invalid target_idx input)",
            PoolQueryTargetResp.newBuilder().setStatus(-1005).build(), ""),
        Arguments.of("valid: multiple target (mixed statuses exclude 2 targets in progress)",
            PoolQueryTargetResp.newBuilder().addInfos(info(2, TIER0, TIER1)).addInfos(info(4, TIER0, TIER1))
                .addInfos(info(1, TIER0, TIER1)).addInfos(info(4, TIER0, TIER1)).build(),
            "Target: state down\n" + TIERS + "Target: state up_in\n" + TIERS + "Target: state down_out\n" + TIERS
                + "Target: state up_in\n" + TIERS),
        Arguments.of("invalid target state",
            PoolQueryTargetResp.newBuilder().addInfos(info(42, TIER0, TIER1)).addInfos(info(4, TIER0, TIER1))
                .build(),
            "Target: state invalid\n" + TIERS + "Target: state up_in\n" + TIERS),
        Arguments.of("three tiers; third tier unknown StorageMediaType",
            PoolQueryTargetResp.newBuilder().addInfos(info(2, TIER0, TIER1, third)).build(),
            "Target: state down\n" + TIERS + thirdText));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printPoolQueryTargetResponse(String name, PoolQueryTargetResp resp, String want) {
    StringBuilder out = new StringBuilder();
    PoolTargetPrinter.print(out, resp);
    assertEquals(want, out.toString());
  }

  @Test
  void jsonIsDaosPoolQueryTargetResp() {
    PoolQueryTargetResp resp = PoolQueryTargetResp.newBuilder().addInfos(info(4, TIER0, TIER1)).build();
    JsonObject got = PoolTargetPrinter.toJson(resp);
    JsonObject want = JsonParser.parseString("{\"status\":0,\"Infos\":[{\"target_state\":\"up_in\",\"space\":["
        + "{\"total\":6000000000,\"free\":5000000000,\"min\":0,\"max\":0,\"mean\":0,\"media_type\":\"scm\"},"
        + "{\"total\":100000000000,\"free\":90000000000,\"min\":0,\"max\":0,\"mean\":0,\"media_type\":\"nvme\"}],"
        + "\"mem_file_bytes\":0,\"md_on_ssd_active\":false}]}").getAsJsonObject();
    assertEquals(want, got);
    assertEquals("null", PoolTargetPrinter.toJson(PoolQueryTargetResp.getDefaultInstance()).get("Infos")
        .toString());
  }
}
