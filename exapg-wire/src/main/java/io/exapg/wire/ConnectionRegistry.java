package io.exapg.wire;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Live connections by process id, so that a CancelRequest can find its target. */
final class ConnectionRegistry {
  private final Map<Integer, PgConnection> connections = new ConcurrentHashMap<>();
  private final AtomicInteger nextProcessId = new AtomicInteger(1000);
  private final SecureRandom random = new SecureRandom();

  int register(PgConnection connection) {
    int processId = nextProcessId.incrementAndGet();
    connections.put(processId, connection);
    return processId;
  }

  int newSecretKey() {
    return random.nextInt();
  }

  void remove(int processId) {
    connections.remove(processId);
  }

  int size() {
    return connections.size();
  }

  /** The connections a user has open. */
  int countUser(String user) {
    int count = 0;
    for (PgConnection connection : connections.values()) {
      if (user.equals(connection.user())) {
        count++;
      }
    }
    return count;
  }

  /** Cancels the running query of the connection if the secret key matches. */
  void cancel(int processId, int secretKey) {
    PgConnection connection = connections.get(processId);
    if (connection != null && connection.secretKey() == secretKey) {
      connection.cancelRunningQuery();
    }
  }

  Iterable<PgConnection> all() {
    return connections.values();
  }
}
