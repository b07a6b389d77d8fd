package io.exapg.benchmarks;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/** One database under benchmark, reached through JDBC. */
abstract class Engine implements AutoCloseable {
  private final String name;

  Engine(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  abstract Connection connection();

  void execute(String sql) throws SQLException {
    try (Statement statement = connection().createStatement()) {
      statement.execute(sql);
    }
  }

  /** Runs a query and reads every value, returning the rows as text. */
  List<String> query(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection().createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          row.append(c > 1 ? "|" : "").append(rs.getString(c));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  /** Loads a CSV file into a table over the PostgreSQL protocol's COPY; returns the rows. */
  long copyCsv(String table, Path file) throws Exception {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
      return connection().unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)", in);
    }
  }

  /** Makes everything loaded durable in the engine's own files. */
  void checkpoint() throws SQLException {
    execute("CHECKPOINT");
  }

  /** Bytes the engine's data takes on disk, once checkpointed. */
  abstract long sizeOnDisk() throws Exception;

  /** Peak memory of the engine, where it can be measured; -1 otherwise. */
  long peakMemoryBytes() {
    return -1;
  }
}
