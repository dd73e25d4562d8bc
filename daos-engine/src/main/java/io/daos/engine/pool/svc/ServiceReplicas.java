package io.daos.engine.pool.svc;

import java.util.Optional;
import java.util.UUID;

/** The pool-service replicas this engine hosts, by pool UUID. Absent means DER_NOTREPLICA for requests. */
@FunctionalInterface
public interface ServiceReplicas {
  Optional<ServiceReplica> find(UUID pool);
}
