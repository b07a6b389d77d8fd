package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** exapg.log_min_duration: queries at least that long are logged with their EXPLAIN ANALYZE. */
class SlowQueryLogTest {
  @Test
  void queriesOverTheThresholdAreLoggedWithTheirPlan(@TempDir Path directory) throws Exception {
    try (ServerProcess server = ServerProcess.start(directory.resolve("data"))) {
      try (Connection connection = server.connect(); Statement statement =
          connection.createStatement()) {
        statement.execute("CREATE TABLE events AS SELECT x AS id, x % 10 AS kind"
            + " FROM generate_series(1, 50000) AS g(x)");
        statement.execute("SET exapg.log_min_duration = '1h'");
        statement.executeQuery("SELECT kind, count(*) FROM events GROUP BY kind").close();
        statement.execute("SET exapg.log_min_duration = 0");
        statement.executeQuery("SELECT max(id) FROM events WHERE kind = 3").close();
      }
      String log = waitFor(server, "SELECT max(id)");
      assertTrue(log.contains("statement: SELECT max(id) FROM events WHERE kind = 3"), log);
      assertTrue(log.contains("Scan public.events"), log);
      assertTrue(log.contains("actual: rows="), log);
      assertFalse(log.contains("statement: SELECT kind, count(*)"), log);
    }
  }

  private static String waitFor(ServerProcess server, String text) throws InterruptedException {
    for (int i = 0; i < 100 && !server.output().contains(text); i++) {
      Thread.sleep(50);
    }
    return server.output();
  }
}
