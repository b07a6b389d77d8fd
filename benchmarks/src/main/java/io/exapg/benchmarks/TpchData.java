package io.exapg.benchmarks;

import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The TPC-H tables as CSV files (comma-separated, quoted where a value holds a comma), made
 * with the Trino port of dbgen, which produces dbgen's data exactly. Files are kept between
 * runs in a directory per scale factor.
 */
final class TpchData {
  /** The eight tables, in the order they are loaded. */
  static final List<String> TABLES = List.of("region", "nation", "supplier", "customer", "part",
      "partsupp", "orders", "lineitem");

  /** Standard TPC-H DDL, accepted alike by ExaPG, DuckDB and PostgreSQL. */
  static final List<String> DDL = List.of(
      "CREATE TABLE region (r_regionkey INTEGER NOT NULL, r_name CHAR(25) NOT NULL,"
          + " r_comment VARCHAR(152))",
      "CREATE TABLE nation (n_nationkey INTEGER NOT NULL, n_name CHAR(25) NOT NULL,"
          + " n_regionkey INTEGER NOT NULL, n_comment VARCHAR(152))",
      "CREATE TABLE supplier (s_suppkey INTEGER NOT NULL, s_name CHAR(25) NOT NULL,"
          + " s_address VARCHAR(40) NOT NULL, s_nationkey INTEGER NOT NULL,"
          + " s_phone CHAR(15) NOT NULL, s_acctbal DECIMAL(15,2) NOT NULL,"
          + " s_comment VARCHAR(101) NOT NULL)",
      "CREATE TABLE customer (c_custkey INTEGER NOT NULL, c_name VARCHAR(25) NOT NULL,"
          + " c_address VARCHAR(40) NOT NULL, c_nationkey INTEGER NOT NULL,"
          + " c_phone CHAR(15) NOT NULL, c_acctbal DECIMAL(15,2) NOT NULL,"
          + " c_mktsegment CHAR(10) NOT NULL, c_comment VARCHAR(117) NOT NULL)",
      "CREATE TABLE part (p_partkey INTEGER NOT NULL, p_name VARCHAR(55) NOT NULL,"
          + " p_mfgr CHAR(25) NOT NULL, p_brand CHAR(10) NOT NULL, p_type VARCHAR(25) NOT NULL,"
          + " p_size INTEGER NOT NULL, p_container CHAR(10) NOT NULL,"
          + " p_retailprice DECIMAL(15,2) NOT NULL, p_comment VARCHAR(23) NOT NULL)",
      "CREATE TABLE partsupp (ps_partkey INTEGER NOT NULL, ps_suppkey INTEGER NOT NULL,"
          + " ps_availqty INTEGER NOT NULL, ps_supplycost DECIMAL(15,2) NOT NULL,"
          + " ps_comment VARCHAR(199) NOT NULL)",
      "CREATE TABLE orders (o_orderkey BIGINT NOT NULL, o_custkey INTEGER NOT NULL,"
          + " o_orderstatus CHAR(1) NOT NULL, o_totalprice DECIMAL(15,2) NOT NULL,"
          + " o_orderdate DATE NOT NULL, o_orderpriority CHAR(15) NOT NULL,"
          + " o_clerk CHAR(15) NOT NULL, o_shippriority INTEGER NOT NULL,"
          + " o_comment VARCHAR(79) NOT NULL)",
      "CREATE TABLE lineitem (l_orderkey BIGINT NOT NULL, l_partkey INTEGER NOT NULL,"
          + " l_suppkey INTEGER NOT NULL, l_linenumber INTEGER NOT NULL,"
          + " l_quantity DECIMAL(15,2) NOT NULL, l_extendedprice DECIMAL(15,2) NOT NULL,"
          + " l_discount DECIMAL(15,2) NOT NULL, l_tax DECIMAL(15,2) NOT NULL,"
          + " l_returnflag CHAR(1) NOT NULL, l_linestatus CHAR(1) NOT NULL,"
          + " l_shipdate DATE NOT NULL, l_commitdate DATE NOT NULL,"
          + " l_receiptdate DATE NOT NULL, l_shipinstruct CHAR(25) NOT NULL,"
          + " l_shipmode CHAR(10) NOT NULL, l_comment VARCHAR(44) NOT NULL)");

  private TpchData() {
  }

  /** The directory holding the CSV files of a scale factor, generating missing ones. */
  static Path generate(Path root, double scale) throws Exception {
    Path directory = root.resolve(String.format(Locale.ROOT, "sf%s", scaleName(scale)));
    Files.createDirectories(directory);
    ExecutorService pool = Executors.newFixedThreadPool(
        Runtime.getRuntime().availableProcessors());
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (String table : TABLES) {
        Path file = directory.resolve(table + ".csv");
        if (!Files.exists(file)) {
          jobs.add(pool.submit(() -> {
            write(TpchTable.getTable(table), scale, file);
            return null;
          }));
        }
      }
      for (Future<?> job : jobs) {
        job.get();
      }
    } finally {
      pool.shutdown();
    }
    return directory;
  }

  static String scaleName(double scale) {
    return scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale);
  }

  private static <E extends TpchEntity> void write(TpchTable<E> table, double scale, Path file)
      throws IOException {
    System.err.printf(Locale.ROOT, "generating %s at scale factor %s%n", table.getTableName(),
        scaleName(scale));
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
        Files.newOutputStream(temporary), StandardCharsets.UTF_8), 1 << 20)) {
      StringBuilder line = new StringBuilder(256);
      for (E row : table.createGenerator(scale, 1, 1)) {
        String text = row.toLine();
        line.setLength(0);
        int start = 0;
        int end = text.endsWith("|") ? text.length() - 1 : text.length();
        while (start <= end) {
          int bar = text.indexOf('|', start);
          int fieldEnd = bar < 0 || bar > end ? end : bar;
          if (start > 0) {
            line.append(',');
          }
          appendCsv(line, text, start, fieldEnd);
          start = fieldEnd + 1;
        }
        out.append(line).append('\n');
      }
    }
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void appendCsv(StringBuilder line, String text, int from, int to) {
    boolean quote = false;
    for (int i = from; i < to && !quote; i++) {
      char c = text.charAt(i);
      quote = c == ',' || c == '"';
    }
    if (!quote) {
      line.append(text, from, to);
      return;
    }
    line.append('"');
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        line.append('"');
      }
      line.append(c);
    }
    line.append('"');
  }
}
