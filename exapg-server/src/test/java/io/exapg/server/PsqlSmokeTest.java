package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real psql client against a real server, as a user at a terminal would use it. */
class PsqlSmokeTest {
  private static TestServer server;

  /** What psql printed and how it exited. */
  private record Result(int exitCode, String output, String errors) {
  }

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(psqlAvailable(), "psql is not installed");
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static boolean psqlAvailable() {
    try {
      return new ProcessBuilder("psql", "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Result psql(String input, String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1", "-p",
        Integer.toString(server.port()), "-U", "exapg", "-d", "exapg"));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "psql did not finish");
    return new Result(process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void interactiveSessionCreatesLoadsAndQueries() throws Exception {
    Result result = psql("""
        CREATE TABLE city (name TEXT, country TEXT, population BIGINT, founded DATE);
        INSERT INTO city VALUES ('Berlin', 'DE', 3645000, '1237-01-01'),
          ('Hamburg', 'DE', 1841000, '0808-01-01'), ('Paris', 'FR', 2161000, NULL);
        CREATE TABLE country (code TEXT, label TEXT);
        INSERT INTO country VALUES ('DE', 'Germany'), ('FR', 'France');
        SELECT c.label, count(*) AS cities, sum(population) AS people
          FROM city JOIN country c ON city.country = c.code
          WHERE population > 1000000 GROUP BY c.label ORDER BY people DESC;
        SELECT name FROM city WHERE founded IS NULL;
        SELECT * FROM missing;
        SELECT 'still here' AS status;
        """, "-A", "-F", "|");
    assertEquals(0, result.exitCode(), result.errors());
    String expected = String.join("\n",
        "CREATE TABLE",
        "INSERT 0 3",
        "CREATE TABLE",
        "INSERT 0 2",
        "label|cities|people",
        "Germany|2|5486000",
        "France|1|2161000",
        "(2 rows)",
        "name",
        "Paris",
        "(1 row)",
        "status",
        "still here",
        "(1 row)",
        "");
    assertEquals(expected, result.output());
    assertTrue(result.errors().contains("ERROR:  relation \"missing\" does not exist"),
        result.errors());
  }

  @Test
  void commandStringWithSeveralStatementsAndAlignedOutput() throws Exception {
    Result result = psql("", "-c", "SELECT 1 AS one, 'two' AS two; SELECT 3.50::numeric(4,2)"
        + " AS three");
    assertEquals(0, result.exitCode(), result.errors());
    assertEquals(String.join("\n",
        " one | two ",
        "-----+-----",
        "   1 | two",
        "(1 row)",
        "",
        " three ",
        "-------",
        "  3.50",
        "(1 row)",
        "", ""), result.output());
  }

  @Test
  void syntaxErrorsShowTheirPosition() throws Exception {
    Result result = psql("SELECT * FORM city;\n");
    assertTrue(result.errors().contains("syntax error at or near"), result.errors());
    assertTrue(result.errors().contains("LINE 1: SELECT * FORM city;"), result.errors());
  }

  @Test
  void backslashCommandsListSchemasTablesAndViews() throws Exception {
    Result result = psql("""
        CREATE SCHEMA sales;
        CREATE TABLE sales.orders (id INT);
        CREATE TABLE listed (id INT);
        CREATE VIEW listed_view AS SELECT id FROM listed;
        \\dn
        \\dt list*
        \\dv list*
        \\dt sales.*
        SET search_path TO sales, public;
        \\dt (listed|orders)
        """, "-A", "-F", "|", "-t");
    assertEquals(0, result.exitCode(), result.errors());
    assertEquals("", result.errors());
    String expected = String.join("\n",
        "CREATE SCHEMA", "CREATE TABLE", "CREATE TABLE", "CREATE VIEW",
        "exa_catalog|exapg", "public|exapg", "sales|exapg",
        "public|listed|table|exapg",
        "public|listed_view|view|exapg",
        "sales|orders|table|exapg",
        "SET",
        "public|listed|table|exapg", "sales|orders|table|exapg", "");
    assertEquals(expected, result.output());
  }

  @Test
  void backslashCommandsDescribeTablesRolesAndPrivileges() throws Exception {
    Result result = psql("""
        CREATE TABLE described (id INT PRIMARY KEY, label VARCHAR(20) NOT NULL, seen DATE);
        CREATE INDEX described_label ON described (label);
        CREATE ROLE reader LOGIN;
        CREATE ROLE readers;
        GRANT readers TO reader;
        GRANT SELECT ON described TO reader;
        \\d described
        \\d+ described
        \\di described*
        \\du read*
        \\dp described
        \\df
        \\l
        """, "-A", "-F", "|");
    assertEquals(0, result.exitCode(), result.errors());
    assertEquals("", result.errors());
    String expected = String.join("\n",
        "CREATE TABLE", "CREATE INDEX", "CREATE ROLE", "CREATE ROLE", "GRANT ROLE", "GRANT",
        "Table \"public.described\"",
        "Column|Type|Collation|Nullable|Default",
        "id|integer||not null|",
        "label|character varying(20)||not null|",
        "seen|date|||",
        "Indexes:",
        "    \"described_pkey\" PRIMARY KEY, btree (id)",
        "    \"described_label\" btree (label)",
        "Table \"public.described\"",
        "Column|Type|Collation|Nullable|Default|Storage|Compression|Stats target|Description",
        "id|integer||not null||plain|||",
        "label|character varying(20)||not null||extended|||",
        "seen|date||||plain|||",
        "Indexes:",
        "    \"described_pkey\" PRIMARY KEY, btree (id)",
        "    \"described_label\" btree (label)",
        "Access method: heap",
        "List of relations",
        "Schema|Name|Type|Owner|Table",
        "public|described_label|index|exapg|described",
        "public|described_pkey|index|exapg|described",
        "(2 rows)",
        "List of roles",
        "Role name|Attributes|Member of",
        "reader||{readers}",
        "readers|Cannot login|{}",
        "Access privileges",
        "Schema|Name|Type|Access privileges|Column privileges|Policies",
        "public|described|table|exapg=arwdD/exapg",
        "reader=r/exapg||",
        "(1 row)",
        "List of functions",
        "Schema|Name|Result data type|Argument data types|Type",
        "(0 rows)",
        "List of databases",
        "Name|Owner|Encoding|Collate|Ctype|ICU Locale|Locale Provider|Access privileges",
        "exapg|exapg|UTF8|C.UTF-8|C.UTF-8||libc|",
        "(1 row)",
        "");
    assertEquals(expected, result.output());
  }

  @Test
  void commentsShowAndCommandsAboutAbsentObjectsListNone() throws Exception {
    Result result = psql("""
        CREATE TABLE noted (id INT, memo TEXT);
        COMMENT ON TABLE noted IS 'a table with notes';
        COMMENT ON COLUMN noted.memo IS 'free text';
        \\dt+ noted
        \\d+ noted
        \\dx
        \\do
        \\dC
        \\des
        \\ddp
        \\dF
        DROP TABLE noted;
        """, "-A", "-F", "|");
    assertEquals(0, result.exitCode(), result.errors());
    assertEquals("", result.errors());
    String expected = String.join("\n",
        "CREATE TABLE", "COMMENT", "COMMENT",
        "List of relations",
        "Schema|Name|Type|Owner|Persistence|Access method|Size|Description",
        "public|noted|table|exapg|permanent|heap|0 bytes|a table with notes",
        "(1 row)",
        "Table \"public.noted\"",
        "Column|Type|Collation|Nullable|Default|Storage|Compression|Stats target|Description",
        "id|integer||||plain|||",
        "memo|text||||extended|||free text",
        "Access method: heap",
        "List of installed extensions",
        "Name|Version|Schema|Description",
        "(0 rows)",
        "List of operators",
        "Schema|Name|Left arg type|Right arg type|Result type|Description",
        "(0 rows)",
        "List of casts",
        "Source type|Target type|Function|Implicit?",
        "(0 rows)",
        "List of foreign servers",
        "Name|Owner|Foreign-data wrapper",
        "(0 rows)",
        "Default access privileges",
        "Owner|Schema|Type|Access privileges",
        "(0 rows)",
        "List of text search configurations",
        "Schema|Name|Description",
        "(0 rows)",
        "DROP TABLE",
        "");
    assertEquals(expected, result.output());
  }

  @Test
  void scalarSubqueriesAreNamedAfterTheirColumn() throws Exception {
    Result result = psql("SELECT (SELECT count(*) FROM generate_series(1, 3)),"
        + " (SELECT max(g) AS m FROM generate_series(1, 3) g), EXISTS (SELECT 1), (SELECT 1);\n",
        "-A");
    assertEquals(0, result.exitCode(), result.errors());
    assertEquals("count|m|exists|?column?\n3|3|t|1\n(1 row)\n", result.output());
  }

  @Test
  void expandedOutputAndTiming() throws Exception {
    Result result = psql("\\x\n\\timing\nSELECT 1 AS a, 'b' AS b;\n", "-A");
    assertEquals(0, result.exitCode(), result.errors());
    assertTrue(result.output().contains("Expanded display is on."), result.output());
    assertTrue(result.output().contains("a|1\nb|b"), result.output());
    assertTrue(result.output().matches("(?s).*Time: \\d+[.,]\\d+ ms.*"), result.output());
  }

  @Test
  void fetchCountReadsAResultThroughACursor() throws Exception {
    Result result = psql("SELECT x FROM generate_series(1, 2500) AS g(x) WHERE x % 1000 = 0;\n",
        "-A", "-t", "-v", "FETCH_COUNT=100");
    assertEquals(0, result.exitCode(), result.errors());
    assertEquals("1000\n2000\n", result.output());
  }
}
