package io.exapg.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 22 TPC-H queries at scale factor 1 under a 40 MB query memory budget, far below what the
 * largest of them hold without one (Q18 about 200 MB, Q9 160 MB, Q10 100 MB), so that hash
 * joins, hash aggregates and sorts spill to disk; every result must still equal DuckDB's. Past
 * the spill limit a query fails with SQLSTATE 53200 and the session goes on. The system
 * properties exapg.spill.scale and exapg.spill.budget run it at another scale or budget.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TpchSpillTest {
  private static final double SCALE =
      Double.parseDouble(System.getProperty("exapg.spill.scale", "1"));
  private static final String BUDGET = System.getProperty("exapg.spill.budget", "40MB");

  private LoadedTpch tpch;

  @BeforeAll
  void load() throws Exception {
    tpch = LoadedTpch.load(SCALE);
    tpch.exapg.execute("SET exapg.query_memory_limit = '" + BUDGET + "'");
  }

  @AfterAll
  void close() throws Exception {
    if (tpch != null) {
      tpch.close();
    }
  }

  @ParameterizedTest(name = "Q{0}")
  @MethodSource("io.exapg.benchmarks.LoadedTpch#queryNumbers")
  void answersAsDuckDbWithinTheBudget(int number) throws Exception {
    String difference = tpch.difference(TpchQueries.text(number));
    if (difference != null) {
      fail("Q" + number + " with a " + BUDGET + " budget: ExaPG differs from DuckDB: "
          + difference);
    }
  }

  /** A join (Q9), a sort of all lineitem rows and GROUP BY with many groups (Q18) spill. */
  @ParameterizedTest
  @ValueSource(strings = {"Q9", "SORT", "Q18"})
  void spillsToDisk(String query) throws Exception {
    String sql = switch (query) {
      case "SORT" -> "SELECT l_orderkey, l_linenumber, l_comment FROM lineitem "
          + "ORDER BY l_comment, l_orderkey, l_linenumber";
      default -> TpchQueries.text(Integer.parseInt(query.substring(1)));
    };
    StringBuilder plan = new StringBuilder();
    try (Statement statement = tpch.exapg.connection().createStatement();
        ResultSet rows = statement.executeQuery("EXPLAIN ANALYZE " + sql)) {
      while (rows.next()) {
        plan.append(rows.getString(1)).append('\n');
      }
    }
    assertTrue(plan.toString().matches("(?s).*\nSpilled: [1-9][0-9]* bytes written to disk\n.*"),
        plan.toString());
  }

  @Test
  void sortSpilledRunsMergeInOrder() throws Exception {
    assertEquals(null, tpch.difference("SELECT l_comment, l_orderkey, l_linenumber "
        + "FROM lineitem ORDER BY l_comment DESC, l_orderkey, l_linenumber "
        + "LIMIT 5 OFFSET 400000"));
  }

  @Test
  void failsCleanlyPastTheSpillLimit() throws Exception {
    try (Statement statement = tpch.exapg.connection().createStatement()) {
      statement.execute("SET exapg.query_spill_limit = '1MB'");
      try {
        SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery(
            "SELECT l_orderkey, l_partkey, count(*) FROM lineitem GROUP BY 1, 2").close());
        assertEquals("53200", error.getSQLState(), error.getMessage());
        assertTrue(error.getMessage().contains("spill limit"), error.getMessage());
      } finally {
        statement.execute("RESET exapg.query_spill_limit");
      }
      assertEquals(null, tpch.difference("SELECT count(*) FROM orders"));
    }
  }
}
