package io.exapg.benchmarks.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the SQLite sqllogictest format: records separated by blank lines, each optionally
 * preceded by {@code skipif ENGINE} / {@code onlyif ENGINE} conditions; {@code hash-threshold N}
 * and {@code halt} as control records. Records for other engines are left out: ExaPG and
 * PostgreSQL both run as "postgresql".
 */
public final class SltParser {
  public static final String ENGINE = "postgresql";

  private SltParser() {
  }

  public static List<SltRecord> parse(List<String> lines) {
    List<SltRecord> records = new ArrayList<>();
    int hashThreshold = 0;
    int i = 0;
    while (i < lines.size()) {
      String line = strip(lines.get(i));
      if (line.isEmpty() || line.startsWith("#")) {
        i++;
        continue;
      }
      int start = i;
      boolean skip = false;
      while (line.startsWith("skipif ") || line.startsWith("onlyif ")) {
        String engine = line.split("\\s+")[1].toLowerCase(Locale.ROOT);
        skip |= line.startsWith("skipif ") == engine.equals(ENGINE);
        i++;
        line = strip(lines.get(i));
      }
      String[] words = line.split("\\s+");
      switch (words[0]) {
        case "halt" -> {
          if (!skip) {
            return records;
          }
          i++;
        }
        case "hash-threshold" -> {
          hashThreshold = Integer.parseInt(words[1]);
          i++;
        }
        case "statement" -> {
          i++;
          StringBuilder sql = new StringBuilder();
          while (i < lines.size() && !strip(lines.get(i)).isEmpty()) {
            sql.append(sql.isEmpty() ? "" : "\n").append(lines.get(i));
            i++;
          }
          if (!skip) {
            records.add(new SltRecord(start + 1, words[1].equals("ok")
                ? SltRecord.Kind.STATEMENT_OK : SltRecord.Kind.STATEMENT_ERROR,
                sql.toString(), "", SltRecord.SortMode.NOSORT, List.of(), hashThreshold));
          }
        }
        case "query" -> {
          i++;
          StringBuilder sql = new StringBuilder();
          while (i < lines.size() && !strip(lines.get(i)).isEmpty()
              && !strip(lines.get(i)).equals("----")) {
            sql.append(sql.isEmpty() ? "" : "\n").append(lines.get(i));
            i++;
          }
          List<String> expected = new ArrayList<>();
          if (i < lines.size() && strip(lines.get(i)).equals("----")) {
            i++;
            while (i < lines.size() && !strip(lines.get(i)).isEmpty()) {
              expected.add(strip(lines.get(i)));
              i++;
            }
          }
          SltRecord.SortMode mode = words.length > 2 ? switch (words[2]) {
            case "rowsort" -> SltRecord.SortMode.ROWSORT;
            case "valuesort" -> SltRecord.SortMode.VALUESORT;
            default -> SltRecord.SortMode.NOSORT;
          } : SltRecord.SortMode.NOSORT;
          if (!skip) {
            records.add(new SltRecord(start + 1, SltRecord.Kind.QUERY, sql.toString(),
                words[1], mode, expected, hashThreshold));
          }
        }
        default -> throw new IllegalArgumentException("line " + (i + 1)
            + ": unknown record " + line);
      }
    }
    return records;
  }

  private static String strip(String line) {
    return line.strip();
  }
}
