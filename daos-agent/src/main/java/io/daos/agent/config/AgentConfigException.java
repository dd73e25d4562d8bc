package io.daos.agent.config;

/** A daos_agent.yml that cannot be used; the message names the file and, where known, the line and key. */
public final class AgentConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AgentConfigException(String message) {
    super(message);
  }
}
