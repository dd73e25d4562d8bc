package io.daos.server.storage;

/** An NVMe controller as SPDK reports it (none on hosts without SPDK). */
public record NvmeController(String pciAddr, String model, String serial, String firmware, int socketId,
    long totalBytes) {
}
