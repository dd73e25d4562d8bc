package io.daos.server.engine;

import io.daos.drpc.RasEvents;
import io.daos.proto.shared.RASEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the harness's RAS events go: logged, handed to local subscribers, and forwarded to the MS when
 * forwardable. Event ids can be disabled for a while (DAOS's DisableEventIDs): StopRanks silences
 * engine_died during a controlled shutdown.
 */
public final class RasPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(RasPublisher.class);

  private final MgmtServiceClient ms;
  private final List<Consumer<RASEvent>> subscribers = new CopyOnWriteArrayList<>();
  private final Map<Integer, AtomicInteger> disabled = new ConcurrentHashMap<>();

  public RasPublisher(MgmtServiceClient ms) {
    this.ms = ms;
  }

  /** Local subscriber (e.g. the MS leader's own event handling); called for every published event. */
  public void subscribe(Consumer<RASEvent> subscriber) {
    subscribers.add(subscriber);
  }

  /** Disables {@code id} until the returned handle is closed (nested uses stack). */
  public Suppression disable(int id) {
    disabled.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    return () -> disabled.get(id).decrementAndGet();
  }

  public boolean isDisabled(int id) {
    AtomicInteger n = disabled.get(id);
    return n != null && n.get() > 0;
  }

  /** Publishes {@code event}; {@code forwardable} events also go to the MS. Never throws. */
  public void publish(RASEvent event, boolean forwardable) {
    if (isDisabled(event.getId())) {
      LOG.debug("RAS event {} suppressed: {}", event.getId(), event.getMsg());
      return;
    }
    // DAOS's EventLogger prints PrintRAS to the syslogger of the event's severity.
    String out = "&&& RAS " + RasEvents.print(event);
    switch (event.getSeverity()) {
      case RasEvents.SEVERITY_ERROR -> LOG.error(out);
      case RasEvents.SEVERITY_WARNING -> LOG.warn(out);
      default -> LOG.info(out);
    }
    for (Consumer<RASEvent> s : subscribers) {
      try {
        s.accept(event);
      } catch (RuntimeException e) {
        LOG.error("RAS subscriber failed on event {}: {}", event.getId(), e.toString());
      }
    }
    if (forwardable && ms != null) {
      ms.forwardEvent(event);
    }
  }

  /** A disabled period; closing it re-enables the id. */
  @FunctionalInterface
  public interface Suppression extends AutoCloseable {
    @Override
    void close();
  }
}
