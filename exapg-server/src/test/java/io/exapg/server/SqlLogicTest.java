package io.exapg.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Runs every .slt file under test resources slt/ against a fresh server through the real
 * PostgreSQL JDBC driver. Format (one record per blank-line-separated block):
 *
 * <pre>
 * statement ok
 * CREATE TABLE t (a INT)
 *
 * statement count 3
 * INSERT INTO t VALUES (1), (2), (3)
 *
 * statement error 42P01 [message text]
 * SELECT * FROM missing
 *
 * query II rowsort
 * SELECT a, a + 1 FROM t
 * ----
 * 1	2
 *
 * copy 2
 * COPY t FROM STDIN (FORMAT csv)
 * ----
 * 4
 * 5
 *
 * copy error 22P02 [message text]
 * COPY t FROM STDIN
 * ----
 * x
 *
 * copy
 * COPY t TO STDOUT
 * ----
 * 4
 * 5
 * </pre>
 *
 * Values are the server's text format, columns separated by a tab, NULL as "NULL" and the
 * empty string as "(empty)"; a value with a line break continues on the next line. Sort
 * modes: nosort (default), rowsort, valuesort.
 *
 * <p>A copy record sends the lines after ---- as COPY data (checking the rows loaded, or the
 * error), or, for COPY ... TO STDOUT, compares the data with them, through the driver's
 * CopyManager. A line "# connection: simple" at the top of a file uses the simple query
 * protocol. A record "connection NAME" sends the records after it over another connection of
 * that name (opened on first use; "default" is the first one), to test concurrent
 * transactions; "connection NAME user ROLE" opens it as that role (trusted on loopback), to
 * test privileges. A line "onlyif exapg" before a record marks behaviour where ExaPG deliberately
 * differs (a feature it refuses with 0A000, say); "# onlyif exapg" as a file's first line
 * marks every record of the file (ExaPG's own SQL, such as PARTITION BY).
 *
 * <p>Run with -Dslt.complete=true to rewrite the expected results from what the server
 * returns; with -Dslt.reference=host:port to run the files against a PostgreSQL server instead
 * (user postgres, a fresh database per file, skipping "onlyif exapg" records), which checks the
 * expectations themselves; with -Dslt.only=a.slt,b.slt to run only those files.
 */
class SqlLogicTest {
  private static final boolean COMPLETE = Boolean.getBoolean("slt.complete");
  private static final String REFERENCE = System.getProperty("slt.reference");

  /** Where a file's statements go: a fresh ExaPG server, or a reference PostgreSQL. */
  private interface Target extends AutoCloseable {
    Connection connect(Properties properties) throws SQLException;

    @Override
    void close() throws SQLException;
  }

  private static Target target(Path file) throws SQLException {
    if (REFERENCE == null) {
      TestServer server = TestServer.start();
      return new Target() {
        @Override
        public Connection connect(Properties properties) throws SQLException {
          return server.connect(properties);
        }

        @Override
        public void close() {
          server.close();
        }
      };
    }
    String database = "slt_" + file.getFileName().toString().replaceAll("\\W", "_");
    try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + REFERENCE
        + "/postgres", "postgres", "");
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database);
      statement.execute("CREATE DATABASE " + database);
    }
    return new Target() {
      @Override
      public Connection connect(Properties properties) throws SQLException {
        Properties all = new Properties();
        all.putAll(properties);
        all.putIfAbsent("user", "postgres");
        return DriverManager.getConnection("jdbc:postgresql://" + REFERENCE + "/" + database,
            all);
      }

      @Override
      public void close() {
      }
    };
  }

  @TestFactory
  Stream<DynamicTest> files() throws IOException, URISyntaxException {
    Path directory = Path.of(SqlLogicTest.class.getResource("/slt").toURI());
    List<Path> files;
    try (Stream<Path> entries = Files.list(directory)) {
      List<String> only = List.of(System.getProperty("slt.only", "").split(","));
      files = entries.filter(p -> p.toString().endsWith(".slt"))
          .filter(p -> only.equals(List.of("")) || only.contains(p.getFileName().toString()))
          .sorted().toList();
    }
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> run(file)));
  }

  /** One record of a file. */
  private record Record(int line, String kind, String argument, String sql,
      List<String> expected, int expectedStart, int expectedEnd, boolean exapgOnly) {
  }

  private static List<Record> parse(List<String> lines) {
    List<Record> records = new ArrayList<>();
    int i = 0;
    boolean wholeFileExapgOnly = !lines.isEmpty() && lines.get(0).strip().equals(
        "# onlyif exapg");
    boolean exapgOnly = wholeFileExapgOnly;
    while (i < lines.size()) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        i++;
        continue;
      }
      if (line.equals("onlyif exapg")) {
        exapgOnly = true;
        i++;
        continue;
      }
      int start = i;
      String[] header = line.split("\\s+", 2);
      String kind = header[0];
      String argument = header.length > 1 ? header[1] : "";
      i++;
      if (kind.equals("connection")) {
        records.add(new Record(start + 1, kind, argument, "", List.of(), -1, -1, false));
        continue;
      }
      StringBuilder sql = new StringBuilder();
      while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals("----")) {
        sql.append(sql.length() == 0 ? "" : "\n").append(lines.get(i));
        i++;
      }
      List<String> expected = new ArrayList<>();
      int expectedStart = -1;
      int expectedEnd = -1;
      if (i < lines.size() && lines.get(i).equals("----")) {
        i++;
        expectedStart = i;
        while (i < lines.size() && !lines.get(i).isEmpty()) {
          expected.add(lines.get(i));
          i++;
        }
        expectedEnd = i;
      }
      records.add(new Record(start + 1, kind, argument, sql.toString(), expected,
          expectedStart, expectedEnd, exapgOnly));
      exapgOnly = wholeFileExapgOnly;
    }
    return records;
  }

  private static void run(Path file) throws Exception {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Properties properties = new Properties();
    if (!lines.isEmpty() && lines.get(0).strip().equals("# connection: simple")) {
      properties.setProperty("preferQueryMode", "simple");
    }
    List<Record> records = parse(lines);
    List<String> rewritten = new ArrayList<>(lines);
    List<String> failures = new ArrayList<>();
    Map<String, Connection> connections = new HashMap<>();
    try (Target server = target(file)) {
      try {
        runRecords(server, properties, records, connections, file, rewritten, failures);
      } finally {
        for (Connection open : connections.values()) {
          open.close();
        }
      }
    }
    if (COMPLETE) {
      Path source = Path.of("src/test/resources/slt").resolve(file.getFileName());
      Files.write(source, rewritten, StandardCharsets.UTF_8);
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " failing records:\n\n" + String.join("\n\n", failures));
    }
  }

  private static void runRecords(Target server, Properties properties, List<Record> records,
      Map<String, Connection> connections, Path file, List<String> rewritten,
      List<String> failures) throws SQLException {
    int shift = 0;
    Connection connection = server.connect(properties);
    connections.put("default", connection);
    for (Record record : records) {
      if (record.exapgOnly() && REFERENCE != null) {
        continue;
      }
      String where = file.getFileName() + ":" + record.line();
      switch (record.kind()) {
        case "connection" -> {
          String[] words = record.argument().split("\\s+");
          connection = connections.get(words[0]);
          if (connection == null) {
            Properties as = new Properties();
            as.putAll(properties);
            if (words.length == 3 && words[1].equals("user")) {
              as.setProperty("user", words[2]);
            }
            connection = server.connect(as);
            connections.put(words[0], connection);
          }
        }
        case "statement" -> statement(connection, record, where, failures);
        case "copy" -> copy(connection, record, where, failures);
        case "query" -> {
          List<String> actual = query(connection, record, where, failures);
          if (actual != null && !actual.equals(record.expected())) {
            if (COMPLETE) {
              int from = record.expectedStart() + shift;
              int to = record.expectedEnd() + shift;
              List<String> tail = new ArrayList<>(rewritten.subList(to, rewritten.size()));
              rewritten.subList(from, rewritten.size()).clear();
              rewritten.addAll(actual);
              rewritten.addAll(tail);
              shift += actual.size() - record.expected().size();
            } else {
              failures.add(where + ": wrong result for\n" + record.sql() + "\nexpected:\n"
                  + String.join("\n", record.expected()) + "\nactual:\n"
                  + String.join("\n", actual));
            }
          }
        }
        default -> failures.add(where + ": unknown record kind " + record.kind());
      }
    }
  }

  private static void statement(Connection connection, Record record, String where,
      List<String> failures) {
    boolean expectError = record.argument().startsWith("error");
    try (Statement statement = connection.createStatement()) {
      statement.execute(record.sql());
      if (expectError) {
        failures.add(where + ": expected an error from\n" + record.sql());
      } else if (record.argument().startsWith("count")) {
        long expected = Long.parseLong(record.argument().substring("count".length()).strip());
        long actual = statement.getLargeUpdateCount();
        if (actual != expected) {
          failures.add(where + ": expected " + expected + " rows changed but got " + actual
              + "\n" + record.sql());
        }
      }
    } catch (SQLException e) {
      if (!expectError) {
        failures.add(where + ": " + e.getSQLState() + " " + e.getMessage() + "\n"
            + record.sql());
        return;
      }
      String[] expected = record.argument().split("\\s+", 3);
      if (expected.length > 1 && !expected[1].equals(e.getSQLState())) {
        failures.add(where + ": expected SQLSTATE " + expected[1] + " but got "
            + e.getSQLState() + " " + e.getMessage() + "\n" + record.sql());
      } else if (expected.length > 2 && !e.getMessage().contains(expected[2])) {
        failures.add(where + ": expected message containing \"" + expected[2] + "\" but got "
            + e.getMessage());
      }
    }
  }

  private static void copy(Connection connection, Record record, String where,
      List<String> failures) {
    String argument = record.argument();
    boolean expectError = argument.startsWith("error");
    try {
      CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
      if (record.sql().toUpperCase(Locale.ROOT).contains("TO STDOUT")) {
        StringWriter out = new StringWriter();
        copies.copyOut(record.sql(), out);
        String text = out.toString();
        List<String> actual = text.isEmpty() ? List.of()
            : List.of(text.substring(0, text.length() - 1).split("\n", -1));
        if (!actual.equals(record.expected())) {
          failures.add(where + ": wrong COPY data from\n" + record.sql() + "\nexpected:\n"
              + String.join("\n", record.expected()) + "\nactual:\n"
              + String.join("\n", actual));
        }
        return;
      }
      String data = record.expected().isEmpty() ? ""
          : String.join("\n", record.expected()) + "\n";
      long rows = copies.copyIn(record.sql(), new StringReader(data));
      if (expectError) {
        failures.add(where + ": expected an error from\n" + record.sql());
      } else if (!argument.isEmpty() && rows != Long.parseLong(argument.strip())) {
        failures.add(where + ": expected " + argument + " rows copied but got " + rows);
      }
    } catch (SQLException | IOException e) {
      String state = e instanceof SQLException sql ? sql.getSQLState() : "I/O";
      if (!expectError) {
        failures.add(where + ": " + state + " " + e.getMessage() + "\n" + record.sql());
        return;
      }
      String[] expected = argument.split("\\s+", 3);
      if (expected.length > 1 && !expected[1].equals(state)) {
        failures.add(where + ": expected SQLSTATE " + expected[1] + " but got " + state + " "
            + e.getMessage() + "\n" + record.sql());
      } else if (expected.length > 2 && !e.getMessage().contains(expected[2])) {
        failures.add(where + ": expected message containing \"" + expected[2]
            + "\" but got " + e.getMessage());
      }
    }
  }

  private static List<String> query(Connection connection, Record record, String where,
      List<String> failures) {
    String[] header = record.argument().split("\\s+");
    String sort = header.length > 1 ? header[1] : "nosort";
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(record.sql())) {
      int columns = resultSet.getMetaData().getColumnCount();
      List<String> values = new ArrayList<>();
      while (resultSet.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          String value = resultSet.getString(c);
          String text = value == null ? "NULL" : value.isEmpty() ? "(empty)" : value;
          row.add(text);
          values.add(text);
        }
        rows.add(String.join("\t", row));
      }
      if (sort.equals("rowsort")) {
        Collections.sort(rows);
      } else if (sort.equals("valuesort")) {
        Collections.sort(values);
        return values;
      }
      List<String> lines = new ArrayList<>();
      for (String row : rows) {
        lines.addAll(List.of(row.split("\n", -1)));
      }
      return lines;
    } catch (SQLException e) {
      failures.add(where + ": " + e.getSQLState() + " " + e.getMessage() + "\n" + record.sql());
      return null;
    }
  }
}
