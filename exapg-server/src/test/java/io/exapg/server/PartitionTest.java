package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Partition pruning seen in EXPLAIN ANALYZE, partitions kept apart by compaction and across a
 * restart, and the limit on partitions one transaction may write.
 */
class PartitionTest {
  private static final Pattern SEGMENTS =
      Pattern.compile("segments_read=(\\d+) segments_skipped=(\\d+)");

  /** Segments read and skipped by the one scan of a query, from EXPLAIN ANALYZE. */
  private static long[] segments(Connection connection, String query) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("EXPLAIN ANALYZE " + query)) {
      while (rows.next()) {
        plan.append(rows.getString(1)).append('\n');
      }
    }
    Matcher matcher = SEGMENTS.matcher(plan);
    assertTrue(matcher.find(), plan.toString());
    return new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))};
  }

  @Test
  void monthlyPartitionsArePrunedAndStayApartThroughCompactionAndRestart() throws Exception {
    Path data = Files.createTempDirectory("exapg-partition");
    long sum;
    TestServer first = TestServer.start(data);
    try (Connection connection = first.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE sales (day DATE, amount BIGINT) PARTITION BY day");
      // Twelve loads, each touching every month of 2023: 144 small segments to merge.
      for (int load = 0; load < 12; load++) {
        statement.execute("INSERT INTO sales SELECT DATE '2023-01-01' + CAST(x % 365 AS"
            + " INTEGER), x FROM generate_series(" + (load * 10_000) + ", "
            + (load * 10_000 + 9_999) + ") AS g(x)");
      }
      assertEquals(12, TestServer.queryLong(connection,
          "SELECT partitions FROM exa_tables WHERE table_name = 'sales'"));
      assertEquals(144, TestServer.queryLong(connection,
          "SELECT segments FROM exa_table_storage WHERE table_name = 'sales'"));
      long[] before = segments(connection, "SELECT sum(amount) FROM sales"
          + " WHERE day BETWEEN DATE '2023-03-01' AND DATE '2023-03-31'");
      assertEquals(12, before[0]);
      assertEquals(132, before[1]);

      statement.execute("VACUUM sales");
      assertEquals(12, TestServer.queryLong(connection,
          "SELECT segments FROM exa_table_storage WHERE table_name = 'sales'"));
      assertEquals(12, TestServer.queryLong(connection,
          "SELECT partitions FROM exa_tables WHERE table_name = 'sales'"));
      sum = TestServer.queryLong(connection, "SELECT sum(amount) FROM sales"
          + " WHERE day BETWEEN DATE '2023-03-01' AND DATE '2023-03-31'");
      long[] after = segments(connection, "SELECT sum(amount) FROM sales"
          + " WHERE day BETWEEN DATE '2023-03-01' AND DATE '2023-03-31'");
      assertEquals(1, after[0]);
      assertEquals(11, after[1]);
    } finally {
      first.stop();
    }
    try (TestServer server = TestServer.start(data); Connection connection = server.connect()) {
      assertEquals(sum, TestServer.queryLong(connection, "SELECT sum(amount) FROM sales"
          + " WHERE day BETWEEN DATE '2023-03-01' AND DATE '2023-03-31'"));
      assertEquals(120_000, TestServer.queryLong(connection, "SELECT count(*) FROM sales"));
      long[] pruned = segments(connection, "SELECT count(*) FROM sales"
          + " WHERE day >= DATE '2023-12-01'");
      assertEquals(1, pruned[0]);
      assertEquals(11, pruned[1]);
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(
              "SELECT partition_by FROM exa_tables WHERE table_name = 'sales'")) {
        rows.next();
        assertEquals("RANGE (day) EVERY INTERVAL '1' MONTH", rows.getString(1));
      }
    }
  }

  @Test
  void aTransactionWritingTooManyPartitionsFailsAndLoadsNothing() throws Exception {
    try (TestServer server = TestServer.start(); Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE keyed (k BIGINT) PARTITION BY LIST (k)");
      statement.execute("INSERT INTO keyed VALUES (1), (2)");
      SQLException error = assertThrows(SQLException.class, () -> statement.execute(
          "INSERT INTO keyed SELECT x FROM generate_series(1, 5000) AS g(x)"));
      assertEquals("54000", error.getSQLState());
      assertEquals(2, TestServer.queryLong(connection, "SELECT count(*) FROM keyed"));
      statement.execute("INSERT INTO keyed SELECT x % 100 FROM generate_series(1, 5000) AS g(x)");
      assertEquals(100, TestServer.queryLong(connection,
          "SELECT partitions FROM exa_tables WHERE table_name = 'keyed'"));
    }
  }
}
