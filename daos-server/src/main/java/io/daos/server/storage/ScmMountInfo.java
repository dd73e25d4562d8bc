package io.daos.server.storage;

import io.daos.server.config.engine.StorageClass;

/** Scan result for one SCM tier: class, mount path, whether mounted, total and available bytes. */
public record ScmMountInfo(StorageClass storageClass, String path, boolean mounted, long totalBytes,
    long availBytes, String device) {
}
