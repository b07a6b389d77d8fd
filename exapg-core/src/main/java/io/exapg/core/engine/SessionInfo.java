package io.exapg.core.engine;

import java.util.Map;

/**
 * Who opened a session and with which startup options.
 *
 * @param options startup parameters other than user and database (application_name, ...)
 */
public record SessionInfo(String user, String database, String clientAddress, int processId,
    Map<String, String> options) {
  public SessionInfo {
    options = Map.copyOf(options);
  }
}
