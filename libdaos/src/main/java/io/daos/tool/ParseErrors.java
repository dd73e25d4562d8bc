package io.daos.tool;

import io.daos.tool.output.CliError;
import java.util.List;
import picocli.CommandLine;

/** picocli parse errors worded as go-flags words them ("unknown flag `bad'"). */
final class ParseErrors {
  private ParseErrors() {
  }

  static RuntimeException of(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException u) {
      List<String> unmatched = u.getUnmatched();
      if (!unmatched.isEmpty() && unmatched.get(0).startsWith("-")) {
        String flag = unmatched.get(0).replaceFirst("^--?", "").replaceFirst("=.*$", "");
        return CliError.of("unknown flag `" + flag + "'");
      }
      return CliError.of("unexpected arguments: " + String.join(" ", unmatched) + " (see '"
          + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
    }
    return CliError.of(e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
        + " --help')");
  }
}
