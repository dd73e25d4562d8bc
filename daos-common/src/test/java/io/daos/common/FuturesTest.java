package io.daos.common;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FuturesTest {
  @Test
  void causeUnwrapsNestedWrappers() {
    DaosException e = new DaosException(DaosStatus.IO);
    assertSame(e, Futures.cause(e));
    assertSame(e, Futures.cause(new CompletionException(e)));
    assertSame(e, Futures.cause(new ExecutionException(new CompletionException(e))));
  }

  @Test
  void causeKeepsAWrapperWithoutCause() {
    CompletionException bare = new CompletionException("no cause", null);
    assertSame(bare, Futures.cause(bare));
  }
}
