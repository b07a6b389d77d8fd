package io.exapg.benchmarks;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * What tracing costs on TPC-H, in one node with the data loaded once: every round runs each
 * query once per mode, the modes in an order that rotates from query to query and round to
 * round, so that the modes share the same process, JIT state, caches and background noise.
 * A second "off" mode measures the method itself: its distance from the first is the noise
 * floor under which a cost cannot be told.
 */
final class TraceOverheadBenchmark {
  /** A tracing mode and the statement that switches the node into it. */
  enum Mode {
    OFF("off", "SELECT exa_trace_stop()"),
    OFF_AGAIN("off again", "SELECT exa_trace_stop()"),
    ON("on", "SELECT exa_trace_start()"),
    SAMPLED("sampled", "SELECT exa_trace_start(sample => 0.01, min_duration => '1s')");

    final String label;
    final String switchStatement;

    Mode(String label, String switchStatement) {
      this.label = label;
      this.switchStatement = switchStatement;
    }

    /** The mode of a --trace value: off, on or sampled. */
    static Mode of(String label) {
      return switch (label) {
        case "off" -> OFF;
        case "on" -> ON;
        case "sampled" -> SAMPLED;
        default -> throw new IllegalArgumentException("--trace is off, on or sampled");
      };
    }
  }

  /** @param medianMillis per mode (by ordinal), per query: the median over the rounds */
  record Result(int rounds, double loadSeconds, double[][] medianMillis) {
  }

  private TraceOverheadBenchmark() {
  }

  static Result run(ExapgEngine engine, Path data, int rounds, int timeoutSeconds)
      throws Exception {
    double loadSeconds = TpchBenchmark.load(engine, data);
    Mode[] modes = Mode.values();
    double[][][] millis = new double[modes.length][TpchQueries.COUNT][rounds];
    try (Statement control = engine.connection().createStatement()) {
      for (int q = 1; q <= TpchQueries.COUNT; q++) {
        QueryAnswers.rows(engine.connection(), TpchQueries.text(q), timeoutSeconds);
      }
      for (int r = 0; r < rounds; r++) {
        for (int q = 1; q <= TpchQueries.COUNT; q++) {
          for (int k = 0; k < modes.length; k++) {
            Mode mode = modes[(k + q + r) % modes.length];
            control.execute(mode.switchStatement);
            long start = System.nanoTime();
            QueryAnswers.rows(engine.connection(), TpchQueries.text(q), timeoutSeconds);
            millis[mode.ordinal()][q - 1][r] = (System.nanoTime() - start) / 1e6;
          }
        }
        System.err.printf(Locale.ROOT, "round %d of %d done%n", r + 1, rounds);
      }
      control.execute(Mode.OFF.switchStatement);
    }
    double[][] medians = new double[modes.length][TpchQueries.COUNT];
    for (Mode mode : modes) {
      for (int q = 0; q < TpchQueries.COUNT; q++) {
        double[] times = millis[mode.ordinal()][q];
        Arrays.sort(times);
        medians[mode.ordinal()][q] = times[rounds / 2];
      }
    }
    return new Result(rounds, loadSeconds, medians);
  }

  static String report(Result result) {
    double[][] medians = result.medianMillis();
    double[] off = medians[Mode.OFF.ordinal()];
    StringBuilder out = new StringBuilder("| query |");
    for (Mode mode : Mode.values()) {
      out.append(' ').append(mode.label).append(" ms |");
    }
    for (Mode mode : Mode.values()) {
      if (mode != Mode.OFF) {
        out.append(' ').append(mode.label).append(" / off |");
      }
    }
    out.append("\n|---|").append("---:|".repeat(Mode.values().length * 2 - 1)).append('\n');
    for (int q = 0; q < TpchQueries.COUNT; q++) {
      out.append("| Q").append(q + 1).append(" |");
      for (Mode mode : Mode.values()) {
        out.append(String.format(Locale.ROOT, " %.1f |", medians[mode.ordinal()][q]));
      }
      for (Mode mode : Mode.values()) {
        if (mode != Mode.OFF) {
          out.append(String.format(Locale.ROOT, " %.3f |", medians[mode.ordinal()][q] / off[q]));
        }
      }
      out.append('\n');
    }
    out.append("| geometric mean |");
    for (Mode mode : Mode.values()) {
      out.append(String.format(Locale.ROOT, " %.1f |",
          TpchBenchmark.geometricMean(medians[mode.ordinal()])));
    }
    for (Mode mode : Mode.values()) {
      if (mode != Mode.OFF) {
        out.append(String.format(Locale.ROOT, " %.3f |",
            TpchBenchmark.geometricMean(medians[mode.ordinal()])
                / TpchBenchmark.geometricMean(off)));
      }
    }
    out.append(String.format(Locale.ROOT, "%n%nMedian of %d rounds per query and mode after one"
        + " untimed run of every query; load %.1f s. \"off again\" / off is the noise floor of"
        + " this method on this machine.%n", result.rounds(), result.loadSeconds()));
    return out.toString();
  }
}
