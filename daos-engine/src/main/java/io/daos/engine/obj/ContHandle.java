package io.daos.engine.obj;

import java.util.UUID;

/** A container handle as an engine knows it: its container, capabilities (CONT_CAPA_*) and open flags. */
public record ContHandle(UUID handle, UUID cont, long capas, long flags) {
}
