package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog queries real clients send, kept in test resources (client-queries/*.sql, each
 * captured from the client itself against setup.sql's objects), run against a fresh node;
 * and SQLAlchemy's reflection run for real where Python has it. Adding a client's queries is
 * adding a file.
 */
class ClientQueryCorpusTest {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      for (String sql : statements(resource("setup.sql"))) {
        statement.execute(sql);
      }
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ClientQueryCorpusTest.class.getResourceAsStream(
        "/client-queries/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A file's statements: each ends with ';' at the end of a line; '--' lines are comments. */
  private static List<String> statements(String text) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      if (current.isEmpty() && (line.isBlank() || line.startsWith("--"))) {
        continue;
      }
      current.append(line).append('\n');
      if (line.stripTrailing().endsWith(";")) {
        statements.add(current.toString().strip());
        current.setLength(0);
      }
    }
    return statements;
  }

  /** Runs every query of a corpus file; returns how many there were and how many rows came. */
  private static int[] runCorpus(String file) throws Exception {
    int queries = 0;
    int rows = 0;
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      for (String sql : statements(resource(file))) {
        queries++;
        try (ResultSet result = statement.executeQuery(sql)) {
          while (result.next()) {
            rows++;
          }
        } catch (SQLException e) {
          fail(file + " query " + queries + " failed with " + e.getSQLState() + " "
              + e.getMessage() + "\n" + sql);
        }
      }
    }
    return new int[] {queries, rows};
  }

  @Test
  void psqlDescribeCommandQueriesRun() throws Exception {
    int[] counts = runCorpus("psql15.sql");
    assertEquals(28, counts[0]);
    assertTrue(counts[1] > 20, "rows: " + counts[1]);
  }

  @Test
  void sqlAlchemyReflectionQueriesRun() throws Exception {
    int[] counts = runCorpus("sqlalchemy14.sql");
    assertEquals(15, counts[0]);
    assertTrue(counts[1] > 10, "rows: " + counts[1]);
  }

  @Test
  void npgsqlTypeLoadingTellsArraysFromBaseTypes() throws Exception {
    int[] counts = runCorpus("npgsql.sql");
    assertEquals(4, counts[0]);
    String typesQuery = statements(resource("npgsql.sql")).get(1);
    List<String> loaded = new ArrayList<>();
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement(); ResultSet types = statement.executeQuery(typesQuery)) {
      while (types.next()) {
        loaded.add(types.getString("typname") + " " + types.getString("typtype") + " "
            + types.getString("elemtypoid"));
      }
    }
    assertTrue(loaded.contains("int4 b null"), loaded.toString());
    assertTrue(loaded.contains("_int4 a 23"), loaded.toString());
    assertTrue(loaded.contains("_text a 25"), loaded.toString());
    assertTrue(loaded.contains("_bytea a 17"), loaded.toString());
    assertTrue(loaded.contains("int2vector b null"), loaded.toString());
    // base types come before the arrays that refer to them
    assertTrue(loaded.indexOf("uuid b null") < loaded.indexOf("_uuid a 2950"));
  }

  @Test
  void dbeaverBrowseQueriesRun() throws Exception {
    int[] counts = runCorpus("dbeaver.sql");
    assertEquals(14, counts[0]);
    assertTrue(counts[1] > 100, "rows: " + counts[1]);
  }

  @Test
  void metabaseSyncFindsTablesFieldsKeysAndPrivileges() throws Exception {
    int[] counts = runCorpus("metabase.sql");
    assertEquals(7, counts[0]);
    List<String> queries = statements(resource("metabase.sql"));
    assertEquals(List.of("public orders TABLE 2", "public big_orders VIEW null"),
        rows(queries.get(2), "schema", "name", "type", "estimated_row_count"));
    assertEquals(List.of("big_orders id int4 f", "big_orders total numeric f",
        "orders id int4 t", "orders customer varchar f", "orders placed date f",
        "orders total numeric f"),
        rows(queries.get(3), "table-name", "name", "database-type", "pk?"));
    assertEquals(List.of("orders customer", "orders id"),
        rows(queries.get(5), "table-name", "field-name").stream().sorted().toList());
    assertEquals(List.of("big_orders t t t t", "orders t t t t"),
        rows(queries.get(6), "table", "select", "insert", "update", "delete").stream()
            .sorted().toList());
  }

  /** The named columns of every row, space-separated. */
  private static List<String> rows(String sql, String... columns) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (String column : columns) {
          values.add(result.getString(column));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }

  @Test
  void sqlAlchemyReflectsTheSchema(@TempDir Path scratch) throws Exception {
    String python = python("sqlalchemy", "psycopg2");
    Assumptions.assumeTrue(python != null,
        "python3 with SQLAlchemy and psycopg2 is not installed");
    Path script = scratch.resolve("sqlalchemy_reflect.py");
    Files.writeString(script, resource("sqlalchemy_reflect.py"));
    Process process = new ProcessBuilder(python, script.toString(),
        Integer.toString(server.port())).redirectErrorStream(true).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "python did not finish");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    assertEquals(String.join("\n",
        "schemas ['exa_catalog', 'information_schema', 'public']",
        "table orders",
        "  column id INTEGER False",
        "  column customer VARCHAR(20) False",
        "  column placed DATE True",
        "  column total NUMERIC(10, 2) True",
        "  primary key {'constrained_columns': ['id'], 'name': 'orders_pkey'}",
        "  foreign keys []",
        "  index orders_customer_placed ['customer', 'placed'] True",
        "  unique []",
        "  checks []",
        "  comment {'text': None}",
        "view big_orders SELECT id, total FROM orders WHERE total > 100",
        ""), output);
  }

  /** The first Python 3 (on the path, else the system's) that has the modules, or null. */
  private static String python(String... modules) throws InterruptedException {
    for (String candidate : List.of("python3", "/usr/bin/python3")) {
      try {
        Process process = new ProcessBuilder(candidate, "-c",
            "import " + String.join(", ", modules)).redirectErrorStream(true).start();
        if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
          return candidate;
        }
      } catch (IOException e) {
        // not installed under this name
      }
    }
    return null;
  }
}
