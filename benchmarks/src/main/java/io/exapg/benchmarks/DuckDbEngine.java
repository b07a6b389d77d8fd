package io.exapg.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;

/** DuckDB in this process, in memory, with the given number of threads. */
final class DuckDbEngine extends Engine {
  private final Connection connection;

  DuckDbEngine(int threads) throws Exception {
    super("DuckDB");
    connection = DriverManager.getConnection("jdbc:duckdb:");
    execute("SET threads = " + threads);
  }

  @Override
  Connection connection() {
    return connection;
  }

  @Override
  public void close() throws Exception {
    connection.close();
  }
}
