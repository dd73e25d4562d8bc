package io.daos.engine.vos;

/** One visible extent fragment as list_recx reports it: the range, the epoch that wrote it, its record size. */
public record RecxEntry(Recx recx, long epoch, long recordSize) {
}
