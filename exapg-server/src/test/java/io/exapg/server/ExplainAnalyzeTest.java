package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN ANALYZE reports, under every operator, the rows it produced and its time; with it,
 * that the join order follows the statistics gathered on load.
 */
class ExplainAnalyzeTest {
  private static final Pattern ACTUAL =
      Pattern.compile("actual: rows=(\\d+) batches=(\\d+) time=([0-9.]+)ms( memory=\\S+)?");

  @Test
  void everyOperatorReportsItsRowsBatchesTimeAndBreakersTheirMemory() throws Exception {
    TestServer server = TestServer.start(Files.createTempDirectory("exapg-explain"));
    try (Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE facts AS SELECT x AS id, x % 100 AS grp"
          + " FROM generate_series(1, 50000) AS g(x)");
      statement.execute("CREATE TABLE dims AS SELECT x AS grp, 'g' || CAST(x AS VARCHAR) AS"
          + " name FROM generate_series(0, 49) AS g(x)");
      List<String> lines = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("EXPLAIN ANALYZE SELECT d.name, count(*)"
          + " FROM facts f JOIN dims d ON f.grp = d.grp WHERE f.id > 10000 GROUP BY d.name"
          + " ORDER BY 2 DESC, 1 LIMIT 5")) {
        while (rows.next()) {
          lines.add(rows.getString(1));
        }
      }
      String plan = String.join("\n", lines);
      assertEquals(5, actualRows(lines, "Sort"), plan);
      assertEquals(50, actualRows(lines, "HashAggregate"), plan);
      // Ids 10001..50000 whose group is below 50: half of 40,000.
      assertEquals(20_000, actualRows(lines, "HashJoin"), plan);
      // The join's build side (groups 0..49) filters the probe scan: half its 40,000 rows.
      assertEquals(20_000, actualRows(lines, "Scan public.facts"), plan);
      assertTrue(plan.contains("rows_filtered_by_joins=20000"), plan);
      assertEquals(50, actualRows(lines, "Scan public.dims"), plan);
      Matcher aggregate = actualOf(lines, "HashAggregate");
      assertTrue(aggregate.group(4) != null, "a hash aggregate reports its memory: " + plan);
      assertTrue(Double.parseDouble(actualOf(lines, "Scan public.facts").group(3)) > 0, plan);
      for (int k = 0; k < lines.size() - 1; k++) {
        if (lines.get(k).contains("-> ") || k == 0) {
          assertTrue(lines.get(k + 1).contains("actual: rows="),
              "no counters under " + lines.get(k) + ":\n" + plan);
        }
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void statisticsGatheredOnLoadOrderJoinsSoThatSelectiveTablesComeFirst() throws Exception {
    TestServer server = TestServer.start(Files.createTempDirectory("exapg-join-order"));
    try (Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE fact (id BIGINT, k1 BIGINT, k2 BIGINT)");
      statement.execute("CREATE TABLE d1 (k BIGINT, name VARCHAR(10))");
      statement.execute("CREATE TABLE d2 (k BIGINT)");
      // Written in the worst order: fact joined with d2 first would make 20,000 rows.
      String query = "EXPLAIN ANALYZE SELECT count(*) FROM fact, d2, d1"
          + " WHERE fact.k2 = d2.k AND fact.k1 = d1.k AND d1.name = 'n7'";
      // Planned (and cached) while the tables are empty: without statistics, FROM order.
      String plain = query.replace("EXPLAIN ANALYZE", "EXPLAIN");
      assertTrue(depth(statement, plain, "Scan public.d2") > depth(statement, plain,
          "Scan public.d1"), "FROM order joins fact with d2 first");
      statement.executeQuery(query).close();
      statement.execute("INSERT INTO fact SELECT x, x % 100, x % 1000"
          + " FROM generate_series(1, 20000) AS g(x)");
      statement.execute("INSERT INTO d1 SELECT x, 'n' || CAST(x AS VARCHAR)"
          + " FROM generate_series(0, 99) AS g(x)");
      statement.execute("INSERT INTO d2 SELECT x FROM generate_series(0, 999) AS g(x)");
      // Planned again once the loads have brought statistics: the selective d1 first.
      assertTrue(depth(statement, plain, "Scan public.d1") > depth(statement, plain,
          "Scan public.d2"), "with statistics d1 is joined with fact first");
      List<String> lines = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery(query)) {
        while (rows.next()) {
          lines.add(rows.getString(1));
        }
      }
      String plan = String.join("\n", lines);
      for (int k = 0; k < lines.size() - 1; k++) {
        if (lines.get(k).contains("HashJoin")) {
          Matcher matcher = ACTUAL.matcher(lines.get(k + 1));
          assertTrue(matcher.find(), plan);
          assertEquals(200, Long.parseLong(matcher.group(1)), "every join keeps 200 rows:\n"
              + plan);
        }
      }
    } finally {
      server.stop();
    }
  }

  /** How deep in the plan tree an operator is: its line's indentation. */
  private static int depth(Statement statement, String explain, String operator)
      throws Exception {
    try (ResultSet rows = statement.executeQuery(explain)) {
      while (rows.next()) {
        String line = rows.getString(1);
        if (line.contains(operator)) {
          return line.indexOf(line.strip());
        }
      }
    }
    throw new AssertionError("no " + operator + " in the plan of " + explain);
  }

  private static long actualRows(List<String> lines, String operator) {
    return Long.parseLong(actualOf(lines, operator).group(1));
  }

  private static Matcher actualOf(List<String> lines, String operator) {
    for (int k = 0; k < lines.size() - 1; k++) {
      if (lines.get(k).contains(operator)) {
        Matcher matcher = ACTUAL.matcher(lines.get(k + 1));
        assertTrue(matcher.find(), "no counters under " + lines.get(k));
        return matcher;
      }
    }
    throw new AssertionError("no " + operator + " in\n" + String.join("\n", lines));
  }
}
