package io.exapg.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The 22 TPC-H queries, with the specification's validation parameters. */
final class TpchQueries {
  static final int COUNT = 22;

  private TpchQueries() {
  }

  /** The text of query 1..22, without its leading comment. */
  static String text(int number) {
    String name = String.format(Locale.ROOT, "tpch/q%02d.sql", number);
    try (InputStream in = TpchQueries.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no TPC-H query " + number);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(line -> !line.startsWith("--"))
          .reduce((a, b) -> a + "\n" + b).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
