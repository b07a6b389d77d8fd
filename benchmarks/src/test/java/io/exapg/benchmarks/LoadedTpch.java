package io.exapg.benchmarks;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** ExaPG and DuckDB, each with the TPC-H tables loaded from the same generated files. */
final class LoadedTpch implements AutoCloseable {
  final ExapgEngine exapg;
  final DuckDbEngine duckdb;

  private LoadedTpch(ExapgEngine exapg, DuckDbEngine duckdb) {
    this.exapg = exapg;
    this.duckdb = duckdb;
  }

  /** Generates (once) and loads scale factor scale: ExaPG over the wire, DuckDB in process. */
  static LoadedTpch load(double scale) throws Exception {
    Path data = TpchData.generate(Paths.get("target", "tpch"), scale);
    ExapgEngine exapg = new ExapgEngine(2);
    DuckDbEngine duckdb;
    try {
      duckdb = new DuckDbEngine(2, null);
    } catch (Exception | Error e) {
      exapg.close();
      throw e;
    }
    LoadedTpch loaded = new LoadedTpch(exapg, duckdb);
    try {
      for (Engine engine : List.of(exapg, duckdb)) {
        for (String ddl : TpchData.DDL) {
          engine.execute(ddl);
        }
        for (String table : TpchData.TABLES) {
          engine.copyCsv(table, data.resolve(table + ".csv"));
        }
      }
      return loaded;
    } catch (Exception | Error e) {
      loaded.close();
      throw e;
    }
  }

  /** The query numbers 1 to 22, as a JUnit method source. */
  static Stream<Integer> queryNumbers() {
    return IntStream.rangeClosed(1, TpchQueries.COUNT).boxed();
  }

  /** The differences between DuckDB's and ExaPG's full answers to a query; null if none. */
  String difference(String sql) throws Exception {
    return QueryAnswers.difference(QueryAnswers.rows(duckdb.connection(), sql, 0),
        QueryAnswers.rows(exapg.connection(), sql, 0));
  }

  @Override
  public void close() throws Exception {
    try {
      exapg.close();
    } finally {
      duckdb.close();
    }
  }
}
