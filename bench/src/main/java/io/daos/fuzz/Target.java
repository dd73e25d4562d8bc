package io.daos.fuzz;

import java.io.Closeable;
import java.util.Random;

/** One interface under fuzz: makes an input from {@code rnd}, sends it, and says what became of it. */
interface Target extends Closeable {
  String name();

  Outcome feed(Random rnd) throws Exception;

  @Override
  void close();
}
