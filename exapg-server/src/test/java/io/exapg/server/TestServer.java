package io.exapg.server;

import io.exapg.storage.io.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;

/** An ExaPG node in this JVM on free loopback ports with a fresh data directory. */
public final class TestServer implements AutoCloseable {
  private final Path dataDirectory;
  private final ExapgNode node;

  private TestServer(Path dataDirectory, ExapgNode node) {
    this.dataDirectory = dataDirectory;
    this.node = node;
  }

  public static TestServer start() {
    try {
      Path directory = Files.createTempDirectory("exapg-test-");
      return start(directory);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static TestServer start(Path dataDirectory) {
    return start(dataDirectory, config -> config);
  }

  /** A node with its configuration changed from the tests' usual one. */
  public static TestServer start(Path dataDirectory, UnaryOperator<ServerConfig> change) {
    ServerConfig config = change.apply(new ServerConfig("127.0.0.1", 0, 0, dataDirectory,
        1L << 30, 512L << 20, 2, 100, "secret", true, 0));
    try {
      return new TestServer(dataDirectory, ExapgNode.start(config));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return node.port();
  }

  public int httpPort() {
    return node.httpPort();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/exapg";
  }

  public Connection connect() throws SQLException {
    return connect(new Properties());
  }

  public Connection connect(Properties extra) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "exapg");
    properties.putAll(extra);
    return DriverManager.getConnection(jdbcUrl(), properties);
  }

  /** The first column of the first row of a query, as a long. */
  public static long queryLong(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** A query's rows, each as its values' text joined by spaces. */
  public static List<String> rows(Statement statement, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          values.add(result.getString(c));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }

  /** Stops the node but keeps its data, for restart tests. */
  public void stop() {
    node.close();
  }

  @Override
  public void close() {
    node.close();
    DurableFiles.deleteRecursively(dataDirectory);
  }
}
