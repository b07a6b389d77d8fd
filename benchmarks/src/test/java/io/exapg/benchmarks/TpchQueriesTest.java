package io.exapg.benchmarks;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the 22 TPC-H queries on data generated at scale factor 0.01, loaded into ExaPG over
 * the wire (COPY through the JDBC driver) and into DuckDB in process, and compares every
 * query's full result with DuckDB's, row by row in order, as {@link QueryAnswers} compares.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TpchQueriesTest {
  private static final double SCALE = 0.01;

  private ExapgEngine exapg;
  private DuckDbEngine duckdb;

  @BeforeAll
  void load() throws Exception {
    Path data = TpchData.generate(Paths.get("target", "tpch"), SCALE);
    exapg = new ExapgEngine(2);
    duckdb = new DuckDbEngine(2, null);
    for (Engine engine : List.of(exapg, duckdb)) {
      for (String ddl : TpchData.DDL) {
        engine.execute(ddl);
      }
      for (String table : TpchData.TABLES) {
        engine.copyCsv(table, data.resolve(table + ".csv"));
      }
    }
  }

  @AfterAll
  void close() throws Exception {
    if (exapg != null) {
      exapg.close();
    }
    if (duckdb != null) {
      duckdb.close();
    }
  }

  static Stream<Integer> queries() {
    return IntStream.rangeClosed(1, TpchQueries.COUNT).boxed();
  }

  @ParameterizedTest(name = "Q{0}")
  @MethodSource("queries")
  void answersAsDuckDb(int number) throws Exception {
    String sql = TpchQueries.text(number);
    String difference = QueryAnswers.difference(
        QueryAnswers.rows(duckdb.connection(), sql, 0),
        QueryAnswers.rows(exapg.connection(), sql, 0));
    if (difference != null) {
      fail("Q" + number + ": ExaPG differs from DuckDB: " + difference);
    }
  }
}
