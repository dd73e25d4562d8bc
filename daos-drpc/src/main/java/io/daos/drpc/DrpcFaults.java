package io.daos.drpc;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import java.nio.file.Path;

/** Faults of the dRPC domain. */
public final class DrpcFaults {
  private DrpcFaults() {
  }

  /** Another live process listens on the socket file we were told to use. */
  public static Fault socketFileInUse(Path path) {
    return new Fault("drpc", FaultCode.SOCKET_FILE_IN_USE,
        "Configured dRPC socket file '" + path + "' is already in use.", "dRPC socket file already in use",
        "If another process is using the socket file, configure a different socket directory. "
            + "Otherwise, delete the existing socket file and try again.", null);
  }
}
