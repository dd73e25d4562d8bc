package io.daos.dmg.command.storage;

import com.google.gson.JsonObject;
import io.daos.proto.ctl.BioHealthResp;

/** BioHealthResp → DAOS's storage.NvmeHealth JSON (its Go json tags, in its field order). */
final class HealthJson {
  private HealthJson() {
  }

  static JsonObject of(BioHealthResp h) {
    JsonObject o = new JsonObject();
    o.addProperty("timestamp", h.getTimestamp());
    o.addProperty("warn_temp_time", h.getWarnTempTime());
    o.addProperty("crit_temp_time", h.getCritTempTime());
    o.addProperty("ctrl_busy_time", h.getCtrlBusyTime());
    o.addProperty("power_cycles", h.getPowerCycles());
    o.addProperty("power_on_hours", h.getPowerOnHours());
    o.addProperty("unsafe_shutdowns", h.getUnsafeShutdowns());
    o.addProperty("media_errs", h.getMediaErrs());
    o.addProperty("err_log_entries", h.getErrLogEntries());
    o.addProperty("percentage_used", h.getPercentageUsed());
    o.addProperty("bio_read_errs", h.getBioReadErrs());
    o.addProperty("bio_write_errs", h.getBioWriteErrs());
    o.addProperty("bio_unmap_errs", h.getBioUnmapErrs());
    o.addProperty("checksum_errs", h.getChecksumErrs());
    o.addProperty("temperature", h.getTemperature());
    o.addProperty("temp_warn", h.getTempWarn());
    o.addProperty("avail_spare_warn", h.getAvailSpareWarn());
    o.addProperty("dev_reliability_warn", h.getDevReliabilityWarn());
    o.addProperty("read_only_warn", h.getReadOnlyWarn());
    o.addProperty("volatile_mem_warn", h.getVolatileMemWarn());
    o.addProperty("program_fail_cnt_norm", h.getProgramFailCntNorm());
    o.addProperty("program_fail_cnt_raw", h.getProgramFailCntRaw());
    o.addProperty("erase_fail_cnt_norm", h.getEraseFailCntNorm());
    o.addProperty("erase_fail_cnt_raw", h.getEraseFailCntRaw());
    o.addProperty("wear_leveling_cnt_norm", h.getWearLevelingCntNorm());
    o.addProperty("wear_leveling_cnt_min", h.getWearLevelingCntMin());
    o.addProperty("wear_leveling_cnt_max", h.getWearLevelingCntMax());
    o.addProperty("wear_leveling_cnt_avg", h.getWearLevelingCntAvg());
    o.addProperty("endtoend_err_cnt_raw", h.getEndtoendErrCntRaw());
    o.addProperty("crc_err_cnt_raw", h.getCrcErrCntRaw());
    o.addProperty("media_wear_raw", h.getMediaWearRaw());
    o.addProperty("host_reads_raw", h.getHostReadsRaw());
    o.addProperty("workload_timer_raw", h.getWorkloadTimerRaw());
    o.addProperty("thermal_throttle_status", h.getThermalThrottleStatus());
    o.addProperty("thermal_throttle_event_cnt", h.getThermalThrottleEventCnt());
    o.addProperty("retry_buffer_overflow_cnt", h.getRetryBufferOverflowCnt());
    o.addProperty("pll_lock_loss_cnt", h.getPllLockLossCnt());
    o.addProperty("nand_bytes_written", h.getNandBytesWritten());
    o.addProperty("host_bytes_written", h.getHostBytesWritten());
    o.addProperty("cluster_size", h.getClusterSize());
    o.addProperty("meta_wal_size", h.getMetaWalSize());
    o.addProperty("rdb_wal_size", h.getRdbWalSize());
    o.addProperty("link_port_id", h.getLinkPortId());
    o.addProperty("link_max_speed", h.getLinkMaxSpeed());
    o.addProperty("link_max_width", h.getLinkMaxWidth());
    o.addProperty("link_neg_speed", h.getLinkNegSpeed());
    o.addProperty("link_neg_width", h.getLinkNegWidth());
    return o;
  }
}
