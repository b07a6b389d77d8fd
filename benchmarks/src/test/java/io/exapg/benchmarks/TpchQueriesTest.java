package io.exapg.benchmarks;

import static org.junit.jupiter.api.Assertions.fail;

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
  private LoadedTpch tpch;

  @BeforeAll
  void load() throws Exception {
    tpch = LoadedTpch.load(0.01);
  }

  @AfterAll
  void close() throws Exception {
    if (tpch != null) {
      tpch.close();
    }
  }

  @ParameterizedTest(name = "Q{0}")
  @MethodSource("io.exapg.benchmarks.LoadedTpch#queryNumbers")
  void answersAsDuckDb(int number) throws Exception {
    String difference = tpch.difference(TpchQueries.text(number));
    if (difference != null) {
      fail("Q" + number + ": ExaPG differs from DuckDB: " + difference);
    }
  }
}
