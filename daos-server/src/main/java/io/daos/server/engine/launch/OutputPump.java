package io.daos.server.engine.launch;

import io.daos.common.DaemonThreads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Copies an engine's stdout (INFO) or stderr (ERROR) into the server log, line by line, with a prefix. */
final class OutputPump implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger("daos_engine");

  private final String prefix;
  private final InputStream in;
  private final boolean error;
  private final OutputTail tail;

  private OutputPump(String prefix, InputStream in, boolean error, OutputTail tail) {
    this.prefix = prefix;
    this.in = in;
    this.error = error;
    this.tail = tail;
  }

  /** Pumps {@code in}; {@code tail}, if not null, keeps its last lines. */
  static void start(String prefix, InputStream in, boolean error, OutputTail tail) {
    DaemonThreads.start(prefix + (error ? "-stderr" : "-stdout"), new OutputPump(prefix, in, error, tail));
  }

  @Override
  public void run() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (tail != null) {
          tail.add(line);
        }
        if (error) {
          LOG.error("{}: {}", prefix, line);
        } else {
          LOG.info("{}: {}", prefix, line);
        }
      }
    } catch (IOException e) {
      LOG.debug("{}: output closed: {}", prefix, e.toString());
    } finally {
      if (tail != null) {
        tail.close();
      }
    }
  }
}
