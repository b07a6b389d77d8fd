package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PostgreSQL JDBC driver against a real server: prepared statements, types, errors. */
class JdbcTest {
  private static TestServer server;

  @BeforeAll
  static void start() throws SQLException {
    server = TestServer.start();
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      statement.execute("CREATE TABLE item (id INT NOT NULL, name VARCHAR(30), price"
          + " DECIMAL(10,2), born DATE, seen TIMESTAMP, active BOOLEAN, score DOUBLE PRECISION,"
          + " big BIGINT, small SMALLINT, ratio REAL)");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void preparedStatementsRoundTripEveryTypeAlsoInBinaryFormat() throws SQLException {
    try (Connection connection = server.connect()) {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO item VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 1; i <= 8; i++) {
          insert.setInt(1, i);
          insert.setString(2, "item " + i);
          insert.setBigDecimal(3, new BigDecimal(i + ".25"));
          insert.setDate(4, Date.valueOf(LocalDate.of(2024, 1, i)));
          insert.setTimestamp(5, Timestamp.valueOf(LocalDateTime.of(2024, 1, i, 10, 30, 0,
              123_000_000)));
          insert.setBoolean(6, i % 2 == 0);
          insert.setDouble(7, i / 4.0);
          insert.setLong(8, 10_000_000_000L * i);
          insert.setShort(9, (short) i);
          insert.setFloat(10, i * 0.5f);
          assertEquals(1, insert.executeUpdate());
        }
        insert.setInt(1, 9);
        for (int c = 2; c <= 10; c++) {
          insert.setNull(c, Types.NULL);
        }
        insert.executeUpdate();
      }
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT id, name, price, born, seen, active, score, big, small, ratio FROM item"
              + " WHERE id = ? AND name LIKE ?")) {
        for (int round = 0; round < 8; round++) {
          int id = round + 1;
          query.setInt(1, id);
          query.setString(2, "item%");
          try (ResultSet rs = query.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(id, rs.getInt(1));
            assertEquals("item " + id, rs.getString(2));
            assertEquals(new BigDecimal(id + ".25"), rs.getBigDecimal(3));
            assertEquals(LocalDate.of(2024, 1, id), rs.getDate(4).toLocalDate());
            assertEquals(LocalDateTime.of(2024, 1, id, 10, 30, 0, 123_000_000),
                rs.getTimestamp(5).toLocalDateTime());
            assertEquals(id % 2 == 0, rs.getBoolean(6));
            assertEquals(id / 4.0, rs.getDouble(7));
            assertEquals(10_000_000_000L * id, rs.getLong(8));
            assertEquals(id, rs.getShort(9));
            assertEquals(id * 0.5f, rs.getFloat(10));
            assertFalse(rs.next());
          }
        }
      }
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT name, price FROM item WHERE id = ?")) {
        query.setInt(1, 9);
        try (ResultSet rs = query.executeQuery()) {
          assertTrue(rs.next());
          assertNull(rs.getString(1));
          assertNull(rs.getBigDecimal(2));
        }
      }
    }
  }

  @Test
  void batchInsertInATransactionAndFetchInChunks() throws SQLException {
    try (Connection connection = server.connect()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE batch (n INT, label TEXT)");
      }
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO batch VALUES (?, ?)")) {
        for (int i = 0; i < 5000; i++) {
          insert.setInt(1, i);
          insert.setString(2, "label " + i);
          insert.addBatch();
        }
        int[] counts = insert.executeBatch();
        assertEquals(5000, counts.length);
      }
      connection.commit();
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(100);
        long sum = 0;
        int rows = 0;
        try (ResultSet rs = statement.executeQuery("SELECT n FROM batch")) {
          while (rs.next()) {
            sum += rs.getInt(1);
            rows++;
          }
        }
        assertEquals(5000, rows);
        assertEquals(4999L * 5000 / 2, sum);
      }
      connection.commit();
    }
  }

  @Test
  void metadataDescribesColumns() throws SQLException {
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement(); ResultSet rs = statement.executeQuery(
            "SELECT id, name, price, born, count(*) AS n FROM item GROUP BY id, name, price,"
                + " born LIMIT 1")) {
      ResultSetMetaData meta = rs.getMetaData();
      assertEquals(5, meta.getColumnCount());
      assertArrayEquals(new String[] {"id", "name", "price", "born", "n"},
          new String[] {meta.getColumnLabel(1), meta.getColumnLabel(2), meta.getColumnLabel(3),
              meta.getColumnLabel(4), meta.getColumnLabel(5)});
      assertArrayEquals(new int[] {Types.INTEGER, Types.VARCHAR, Types.NUMERIC, Types.DATE,
          Types.BIGINT}, new int[] {meta.getColumnType(1), meta.getColumnType(2),
              meta.getColumnType(3), meta.getColumnType(4), meta.getColumnType(5)});
      assertEquals(10, meta.getPrecision(3));
      assertEquals(2, meta.getScale(3));
    }
  }

  @Test
  void errorsCarrySqlStateAndLeaveTheConnectionUsable() throws SQLException {
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      SQLException missing = assertThrows(SQLException.class,
          () -> statement.executeQuery("SELECT * FROM does_not_exist"));
      assertEquals("42P01", missing.getSQLState());
      try (PreparedStatement divide = connection.prepareStatement("SELECT 10 / ?")) {
        divide.setInt(1, 0);
        SQLException zero = assertThrows(SQLException.class, divide::executeQuery);
        assertEquals("22012", zero.getSQLState());
        divide.setInt(1, 5);
        try (ResultSet rs = divide.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(2, rs.getInt(1));
        }
      }
      SQLException syntax = assertThrows(SQLException.class,
          () -> statement.execute("SELECT FROM FROM"));
      assertEquals("42601", syntax.getSQLState());
      try (ResultSet rs = statement.executeQuery("SELECT 1")) {
        assertTrue(rs.next());
      }
    }
  }

  @Test
  void transactionsCommitAndRollBack() throws SQLException {
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      statement.execute("CREATE TABLE money (amount INT)");
      connection.setAutoCommit(false);
      statement.execute("INSERT INTO money VALUES (1)");
      connection.rollback();
      statement.execute("INSERT INTO money VALUES (2)");
      connection.commit();
      connection.setAutoCommit(true);
      try (ResultSet rs = statement.executeQuery("SELECT sum(amount), count(*) FROM money")) {
        assertTrue(rs.next());
        assertEquals(2, rs.getInt(1));
        assertEquals(1, rs.getInt(2));
      }
    }
  }

  @Test
  void statementTimeoutAndCancelStopLongQueries() throws Exception {
    String slow = "SELECT count(*) FROM generate_series(1, 200000) a, generate_series(1, 200000)"
        + " b WHERE a.generate_series + b.generate_series < 0";
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      statement.execute("SET statement_timeout = 300");
      long start = System.nanoTime();
      SQLException timeout = assertThrows(SQLException.class, () -> statement.executeQuery(slow));
      assertEquals("57014", timeout.getSQLState());
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20));
      statement.execute("SET statement_timeout = 0");
      CompletableFuture<SQLException> running = CompletableFuture.supplyAsync(() -> {
        try {
          statement.executeQuery(slow);
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      Thread.sleep(500);
      statement.cancel();
      SQLException canceled = running.get(30, TimeUnit.SECONDS);
      assertEquals("57014", canceled.getSQLState());
      try (ResultSet rs = statement.executeQuery("SELECT 42")) {
        assertTrue(rs.next());
        assertEquals(42, rs.getInt(1));
      }
    }
  }

  @Test
  void databaseMetaDataListsSchemasTablesViewsAndColumns() throws SQLException {
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      statement.execute("CREATE SCHEMA meta");
      statement.execute("CREATE TABLE meta.parts (id BIGINT NOT NULL, name VARCHAR(20),"
          + " weight NUMERIC(8,3))");
      statement.execute("CREATE VIEW meta.heavy AS SELECT id FROM meta.parts WHERE weight > 1");
      statement.execute("COMMENT ON TABLE meta.parts IS 'parts we stock'");
      statement.execute("COMMENT ON COLUMN meta.parts.weight IS 'in kilograms'");
      DatabaseMetaData metaData = connection.getMetaData();
      List<String> schemas = new ArrayList<>();
      try (ResultSet rows = metaData.getSchemas()) {
        while (rows.next()) {
          schemas.add(rows.getString("TABLE_SCHEM"));
        }
      }
      assertTrue(schemas.containsAll(List.of("meta", "public", "pg_catalog")), schemas.toString());
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = metaData.getTables(null, "meta", "%", null)) {
        while (rows.next()) {
          tables.add(rows.getString("TABLE_NAME") + ":" + rows.getString("TABLE_TYPE") + ":"
              + rows.getString("REMARKS"));
        }
      }
      assertEquals(List.of("parts:TABLE:parts we stock", "heavy:VIEW:null"), tables);
      List<String> columns = new ArrayList<>();
      try (ResultSet rows = metaData.getColumns(null, "meta", "parts", null)) {
        while (rows.next()) {
          columns.add(rows.getString("COLUMN_NAME") + ":" + rows.getString("TYPE_NAME") + ":"
              + rows.getInt("COLUMN_SIZE") + ":" + rows.getString("IS_NULLABLE") + ":"
              + rows.getString("REMARKS"));
        }
      }
      assertEquals(List.of("id:int8:19:NO:null", "name:varchar:20:YES:null",
          "weight:numeric:8:YES:in kilograms"), columns);
      statement.execute("DROP SCHEMA meta CASCADE");
    }
  }

  @Test
  void databaseMetaDataListsKeysIndexesTypesAndFunctions() throws SQLException {
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      statement.execute("CREATE SCHEMA keyed");
      statement.execute("CREATE TABLE keyed.lines (order_id INT NOT NULL, line INT NOT NULL,"
          + " sku VARCHAR(12), PRIMARY KEY (order_id, line))");
      statement.execute("CREATE UNIQUE INDEX lines_sku ON keyed.lines (sku)");
      DatabaseMetaData metaData = connection.getMetaData();
      assertEquals(List.of("lines_pkey:order_id:1", "lines_pkey:line:2"), rows(
          metaData.getPrimaryKeys(null, "keyed", "lines"), "PK_NAME", "COLUMN_NAME",
          "KEY_SEQ"));
      assertEquals(List.of("f:lines_pkey:1:order_id:A", "f:lines_pkey:2:line:A",
          "f:lines_sku:1:sku:A"), rows(metaData.getIndexInfo(null, "keyed", "lines", false,
          false), "NON_UNIQUE", "INDEX_NAME", "ORDINAL_POSITION", "COLUMN_NAME",
          "ASC_OR_DESC"));
      assertEquals(List.of(), rows(metaData.getImportedKeys(null, "keyed", "lines"),
          "FK_NAME"));
      assertEquals(List.of(), rows(metaData.getFunctions(null, "keyed", "%"), "FUNCTION_NAME"));
      List<String> types = rows(metaData.getTypeInfo(), "TYPE_NAME", "DATA_TYPE");
      assertTrue(types.containsAll(List.of("int4:4", "int8:-5", "varchar:12", "numeric:2",
          "timestamp:93", "bool:-7", "_int4:2003")), types.toString());
      assertEquals(List.of("exapg"), rows(metaData.getCatalogs(), "TABLE_CAT"));
      assertTrue(List.of(metaData.getSQLKeywords().split(",")).contains("analyze"),
          metaData.getSQLKeywords());
      statement.execute("DROP SCHEMA keyed CASCADE");
    }
  }

  /** The rows of a result, each as its named columns' values joined by ':'. */
  private static List<String> rows(ResultSet resultSet, String... columns) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (resultSet) {
      while (resultSet.next()) {
        List<String> values = new ArrayList<>();
        for (String column : columns) {
          values.add(resultSet.getString(column));
        }
        rows.add(String.join(":", values));
      }
    }
    return rows;
  }

  @Test
  void arraysArriveAsJdbcArraysInTextAndBinaryFormat() throws SQLException {
    try (Connection connection = server.connect()) {
      for (int round = 0; round < 7; round++) {
        // the driver switches to binary results once a statement is prepared on the server
        try (PreparedStatement query = connection.prepareStatement(
            "SELECT ARRAY[1, NULL, 3], ARRAY['a', 'b c'], ARRAY[1.5, 2]::numeric(4,2)[],"
                + " string_to_array(?, ',')")) {
          query.setString(1, "x,y");
          try (ResultSet rows = query.executeQuery()) {
            assertTrue(rows.next());
            assertArrayEquals(new Integer[] {1, null, 3},
                (Object[]) rows.getArray(1).getArray());
            assertArrayEquals(new String[] {"a", "b c"}, (Object[]) rows.getArray(2).getArray());
            assertArrayEquals(new BigDecimal[] {new BigDecimal("1.50"), new BigDecimal("2.00")},
                (Object[]) rows.getArray(3).getArray());
            assertArrayEquals(new String[] {"x", "y"}, (Object[]) rows.getArray(4).getArray());
            if (round == 0) {
              assertEquals("{1,NULL,3}", rows.getString(1));
            }
          }
        }
      }
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT cardinality(?), (?)[2]")) {
        java.sql.Array array = connection.createArrayOf("int4", new Integer[] {4, 5, 6});
        query.setArray(1, array);
        query.setArray(2, array);
        try (ResultSet rows = query.executeQuery()) {
          assertTrue(rows.next());
          assertEquals(3, rows.getInt(1));
          assertEquals(5, rows.getInt(2));
        }
      }
    }
  }

  @Test
  void uuidsRoundTripAsJavaUuidsInTextAndBinaryFormat() throws SQLException {
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      statement.execute("CREATE TABLE tokens (id UUID NOT NULL, n INT)");
      List<java.util.UUID> written = new ArrayList<>();
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO tokens VALUES (?, ?)")) {
        for (int i = 0; i < 8; i++) {
          java.util.UUID id = java.util.UUID.randomUUID();
          written.add(id);
          insert.setObject(1, id);
          insert.setInt(2, i);
          insert.executeUpdate();
        }
      }
      for (int round = 0; round < 7; round++) {
        // after five executions the driver asks for binary results
        try (PreparedStatement query = connection.prepareStatement(
            "SELECT id, n FROM tokens WHERE id = ?")) {
          query.setObject(1, written.get(round));
          try (ResultSet rows = query.executeQuery()) {
            assertTrue(rows.next());
            assertEquals(written.get(round), rows.getObject(1));
            assertEquals(round, rows.getInt(2));
          }
        }
      }
      try (ResultSet rows = statement.executeQuery("SELECT id::text FROM tokens WHERE n = 3")) {
        assertTrue(rows.next());
        assertEquals(written.get(3).toString(), rows.getString(1));
      }
      statement.execute("DROP TABLE tokens");
    }
  }

  @Test
  void byteaRoundTripsAsByteArraysInTextAndBinaryFormat() throws SQLException {
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      statement.execute("CREATE TABLE files (n INT, content BYTEA)");
      List<byte[]> written = new ArrayList<>();
      java.util.Random random = new java.util.Random(7);
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO files VALUES (?, ?)")) {
        for (int i = 0; i < 8; i++) {
          byte[] content = new byte[i * 1000];
          random.nextBytes(content);
          written.add(content);
          insert.setInt(1, i);
          insert.setBytes(2, content);
          insert.executeUpdate();
        }
      }
      for (int round = 0; round < 7; round++) {
        // after five executions the driver asks for binary results
        try (PreparedStatement query = connection.prepareStatement(
            "SELECT content, length(content) FROM files WHERE content = ?")) {
          query.setBytes(1, written.get(round + 1));
          try (ResultSet rows = query.executeQuery()) {
            assertTrue(rows.next());
            assertArrayEquals(written.get(round + 1), rows.getBytes(1));
            assertEquals((round + 1) * 1000, rows.getInt(2));
          }
        }
      }
      try (ResultSet rows = statement.executeQuery(
          "SELECT encode(content, 'hex'), content::text FROM files WHERE n = 1")) {
        assertTrue(rows.next());
        String hex = java.util.HexFormat.of().formatHex(written.get(1));
        assertEquals(hex, rows.getString(1));
        assertEquals("\\x" + hex, rows.getString(2));
      }
      try (ResultSet columns = connection.getMetaData().getColumns(null, "public", "files",
          "content")) {
        assertTrue(columns.next());
        assertEquals(java.sql.Types.BINARY, columns.getInt("DATA_TYPE"));
        assertEquals("bytea", columns.getString("TYPE_NAME"));
      }
      statement.execute("DROP TABLE files");
    }
  }

  @Test
  void cursorsFetchInChunksThroughPreparedStatements() throws SQLException {
    try (Connection connection = server.connect()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("DECLARE numbers CURSOR FOR SELECT x, 'v' || x AS label"
            + " FROM generate_series(1, 2500) AS g(x) ORDER BY x");
      }
      long sum = 0;
      int fetched = 0;
      try (PreparedStatement fetch = connection.prepareStatement("FETCH 1000 FROM numbers")) {
        for (int chunk = 0; chunk < 4; chunk++) {
          try (ResultSet rows = fetch.executeQuery()) {
            assertEquals("label", rows.getMetaData().getColumnName(2));
            while (rows.next()) {
              fetched++;
              sum += rows.getLong(1);
              assertEquals("v" + rows.getLong(1), rows.getString(2));
            }
          }
        }
      }
      assertEquals(2500, fetched);
      assertEquals(2500L * 2501 / 2, sum);
      connection.commit();
      try (Statement statement = connection.createStatement()) {
        SQLException closed = assertThrows(SQLException.class,
            () -> statement.executeQuery("FETCH 1 FROM numbers"));
        assertEquals("34000", closed.getSQLState());
      }
      connection.rollback();
    }
  }

  @Test
  void idleInTransactionTimeoutEndsTheConnectionAndRollsBack() throws Exception {
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      statement.execute("CREATE TABLE idle_rows (a INT)");
      statement.execute("SET idle_in_transaction_session_timeout = '300ms'");
      Thread.sleep(600);
      statement.execute("INSERT INTO idle_rows VALUES (1)");
      connection.setAutoCommit(false);
      statement.execute("INSERT INTO idle_rows VALUES (2)");
      Thread.sleep(1500);
      SQLException ended = assertThrows(SQLException.class,
          () -> statement.executeQuery("SELECT 1"));
      assertTrue(ended.getSQLState().equals("25P03") || ended.getSQLState().startsWith("08"),
          ended.getSQLState() + " " + ended.getMessage());
      assertTrue(connection.isClosed() || !connection.isValid(2));
    }
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement(); ResultSet rows = statement.executeQuery(
            "SELECT count(*), sum(a) FROM idle_rows")) {
      assertTrue(rows.next());
      assertEquals(1, rows.getLong(1), "the idle transaction's insert is rolled back");
      assertEquals(1, rows.getLong(2));
      statement.execute("DROP TABLE idle_rows");
    }
  }

  @Test
  void queryMemoryLimitEndsTheQueryNotTheServer() throws SQLException {
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      statement.execute("SET exapg.query_memory_limit = '4MB'");
      SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery(
          "SELECT x, count(*) FROM generate_series(1, 3000000) AS g(x) GROUP BY x"));
      assertEquals("53200", error.getSQLState());
      statement.execute("RESET exapg.query_memory_limit");
      try (ResultSet rs = statement.executeQuery(
          "SELECT count(*) FROM (SELECT x FROM generate_series(1, 300000) AS g(x) GROUP BY x)"
              + " t")) {
        assertTrue(rs.next());
        assertEquals(300000, rs.getInt(1));
      }
    }
  }

  @Test
  void simpleQueryModeRunsSeveralStatementsInOneString() throws SQLException {
    Properties simple = new Properties();
    simple.setProperty("preferQueryMode", "simple");
    try (Connection connection = server.connect(simple); Statement statement =
        connection.createStatement()) {
      statement.execute("CREATE TABLE multi (a INT); INSERT INTO multi VALUES (1), (2);"
          + " INSERT INTO multi VALUES (3)");
      try (ResultSet rs = statement.executeQuery("SELECT sum(a) FROM multi")) {
        assertTrue(rs.next());
        assertEquals(6, rs.getInt(1));
      }
    }
  }

  /**
   * With a fetch size and autocommit off, the driver asks for the rows 1000 at a time; the
   * server then streams them instead of keeping the result, which a memory budget of 16 MB
   * and a spill limit of 1 MB would not allow for these 3 million rows (about 100 MB).
   */
  @Test
  void fetchSizeStreamsResultsInBoundedMemory() throws SQLException {
    String query = "SELECT x, x * 2 AS y, 'row ' || x AS label FROM generate_series(1, 3000000)"
        + " AS g(x)";
    try (Connection connection = server.connect()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET exapg.query_memory_limit = '16MB'");
        statement.execute("SET exapg.query_spill_limit = '1MB'");
        SQLException whole = assertThrows(SQLException.class, () -> {
          try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
              rows.getLong(1);
            }
          }
        });
        assertEquals("53200", whole.getSQLState());
      }
      connection.setAutoCommit(false);
      long count = 0;
      long sum = 0;
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(1000);
        try (ResultSet rows = statement.executeQuery(query)) {
          while (rows.next()) {
            count++;
            sum += rows.getLong(2);
            if (count == 1) {
              assertEquals("row 1", rows.getString(3));
            }
          }
        }
      }
      assertEquals(3_000_000, count);
      assertEquals(3_000_000L * 3_000_001L, sum);
      // A result left unread ends with its transaction; the session goes on.
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(10);
        ResultSet unread = statement.executeQuery(query);
        assertTrue(unread.next());
        connection.commit();
      }
      try (Statement statement = connection.createStatement()) {
        assertEquals(3, TestServer.queryLong(connection, "SELECT 1 + 2"));
      }
      connection.rollback();
    }
  }

  /** pg_stat_activity shows other sessions with their state, and forgets them when they end. */
  @Test
  void statActivityShowsSessions() throws SQLException {
    try (Connection watcher = server.connect()) {
      int pid;
      Properties named = new Properties();
      named.setProperty("ApplicationName", "watched-app");
      try (Connection watched = server.connect(named)) {
        pid = (int) TestServer.queryLong(watched, "SELECT pg_backend_pid()");
        watched.setAutoCommit(false);
        TestServer.queryLong(watched, "SELECT 40 + 2");
        try (Statement statement = watcher.createStatement();
            ResultSet rows = statement.executeQuery("SELECT state, query, application_name,"
                + " xact_start IS NOT NULL FROM pg_stat_activity WHERE pid = " + pid)) {
          assertTrue(rows.next());
          assertEquals("idle in transaction", rows.getString(1));
          assertEquals("SELECT 40 + 2", rows.getString(2));
          assertEquals("watched-app", rows.getString(3));
          assertTrue(rows.getBoolean(4));
        }
        watched.rollback();
      }
      long deadline = System.currentTimeMillis() + 10_000;
      long left;
      do {
        left = TestServer.queryLong(watcher, "SELECT count(*) FROM pg_stat_activity WHERE pid = "
            + pid);
      } while (left > 0 && System.currentTimeMillis() < deadline);
      assertEquals(0, left);
    }
  }
}
