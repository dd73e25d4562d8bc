package io.daos.engine.vos.store;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Futures;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;

/** Maps what a VOS operation can throw to the DAOS status a client sees. */
public final class Errors {
  private Errors() {
  }

  public static DaosException toDaos(Throwable t) {
    Throwable e = Futures.cause(t);
    if (e instanceof DaosException de) {
      return de;
    }
    if (e instanceof Env.MapFullException || e instanceof Dbi.DbFullException) {
      return new DaosException(DaosStatus.NOSPACE, "VOS index is full (LMDB map size reached): " + e.getMessage(), e);
    }
    if (noSpace(e)) {
      return new DaosException(DaosStatus.NOSPACE, "no space left on the file system of this VOS: " + e.getMessage()
          + "; free space there", e);
    }
    return new DaosException(DaosStatus.IO, "VOS write failed: " + e, e);
  }

  /** LMDB (or the JDK) says the file system is full: ENOSPC (28). */
  public static boolean noSpace(Throwable e) {
    String m = e.getMessage();
    return m != null && (m.contains("ENOSPC") || m.contains("No space left on device"));
  }
}
