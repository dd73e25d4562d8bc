package io.daos.server.events;

/** The parts of a RAS event membership reacts to (DAOS events.RASEvent). */
public record RasEvent(RasEventId id, String msg, String hostname, int rank, long incarnation) {
  public RasEvent {
    id = id == null ? RasEventId.UNKNOWN_RAS_EVENT : id;
    msg = msg == null ? "" : msg;
    hostname = hostname == null ? "" : hostname;
  }
}
