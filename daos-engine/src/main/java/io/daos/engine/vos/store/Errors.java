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
    return new DaosException(DaosStatus.IO, "VOS write failed: " + e, e);
  }
}
