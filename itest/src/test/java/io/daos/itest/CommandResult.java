package io.daos.itest;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** What a finished command printed and returned. */
record CommandResult(int exitCode, String stdout, String stderr) {
  /** The dmg -j envelope printed on stdout. */
  JsonObject json() {
    try {
      return JsonParser.parseString(stdout).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new AssertionError("not JSON (exit " + exitCode + "): " + stdout + "\nstderr: " + stderr, e);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
  }
}
