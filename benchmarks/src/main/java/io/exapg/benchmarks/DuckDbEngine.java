package io.exapg.benchmarks;

import io.exapg.storage.io.DurableFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;

/** DuckDB in this process, in memory or in a database file, with the given threads. */
final class DuckDbEngine extends Engine {
  private final Connection connection;
  private final Path directory;

  /** @param directory where the database file goes, or null for an in-memory database */
  DuckDbEngine(int threads, Path directory) throws Exception {
    super("DuckDB");
    this.directory = directory;
    connection = DriverManager.getConnection(directory == null ? "jdbc:duckdb:"
        : "jdbc:duckdb:" + directory.resolve("bench.duckdb"));
    execute("SET threads = " + threads);
  }

  @Override
  Connection connection() {
    return connection;
  }

  /** DuckDB's own CSV reader, in this process, straight from the file. */
  @Override
  long copyCsv(String table, Path file) throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute("COPY " + table + " FROM '" + file + "' (FORMAT csv, HEADER false)");
      return statement.getUpdateCount();
    }
  }

  @Override
  long sizeOnDisk() throws Exception {
    if (directory == null) {
      return -1;
    }
    try (Stream<Path> files = Files.list(directory)) {
      long bytes = 0;
      for (Path file : files.toList()) {
        bytes += Files.size(file);
      }
      return bytes;
    }
  }

  @Override
  public void close() throws Exception {
    connection.close();
    if (directory != null) {
      DurableFiles.deleteRecursively(directory);
    }
  }
}
