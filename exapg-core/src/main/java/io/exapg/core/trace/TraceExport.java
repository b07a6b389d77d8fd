package io.exapg.core.trace;

import io.exapg.core.exec.IoTier;
import java.util.Locale;

/**
 * A traced statement in the formats other tools read: Chrome's Trace Event JSON (chrome://tracing,
 * Perfetto) and folded stacks (flamegraph.pl, speedscope).
 */
public final class TraceExport {
  private TraceExport() {
  }

  /**
   * Trace Event JSON: the phases one after the other on thread 1, and on thread 2 each query's
   * operators nested as the plan nests them, each as long as its time and its inputs' (summed
   * over threads, so they may outlast the execute phase).
   */
  public static String chrome(QueryRecord record) {
    StringBuilder json = new StringBuilder("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[");
    long start = record.startMicros();
    event(json, "statement " + record.traceId(), "statement", start, record.durationNanos(),
        record.sessionId(), 0, "\"query\":" + quote(record.query()) + ",\"status\":"
            + quote(record.status()) + ",\"rows\":" + record.rows() + io(record.io())
            + usage(record.usage()));
    TraceDetail detail = record.detail();
    if (detail != null) {
      long executeStart = start;
      for (TraceDetail.Phase phase : detail.phases()) {
        long at = start + phase.offsetNanos() / 1000;
        event(json, phase.name(), "phase", at, phase.nanos(), record.sessionId(), 1, "");
        if (phase.name().equals("execute")) {
          executeStart = at;
        }
      }
      long planStart = executeStart;
      for (OperatorTrace plan : detail.plans()) {
        operators(json, plan, planStart, record.sessionId());
        planStart += plan.totalNanos() / 1000;
      }
    }
    json.setLength(json.length() - 1);
    return json.append("]}").toString();
  }

  private static void operators(StringBuilder json, OperatorTrace operator, long start,
      int pid) {
    event(json, operator.name(), "operator", start, operator.totalNanos(), pid, 2,
        "\"rows\":" + operator.rows() + ",\"batches\":" + operator.batches()
            + ",\"self_ms\":" + millis(operator.selfNanos()) + ",\"peak_memory_bytes\":"
            + operator.peakMemoryBytes());
    long at = start;
    for (OperatorTrace input : operator.inputs()) {
      operators(json, input, at, pid);
      at += input.totalNanos() / 1000;
    }
  }

  private static void event(StringBuilder json, String name, String category, long startMicros,
      long nanos, int pid, int tid, String args) {
    json.append("{\"name\":").append(quote(name)).append(",\"cat\":\"").append(category)
        .append("\",\"ph\":\"X\",\"ts\":").append(startMicros).append(",\"dur\":")
        .append(Math.max(1, nanos / 1000)).append(",\"pid\":").append(pid)
        .append(",\"tid\":").append(tid).append(",\"args\":{").append(args).append("}},");
  }

  private static String io(IoCounters io) {
    StringBuilder text = new StringBuilder();
    for (IoTier tier : IoTier.values()) {
      int number = tier.ordinal() + 1;
      text.append(",\"tier").append(number).append("_reads\":").append(io.reads(tier))
          .append(",\"tier").append(number).append("_bytes\":").append(io.bytes(tier));
    }
    return text.toString();
  }

  private static String usage(StatementUsage usage) {
    return ",\"sent_bytes\":" + usage.sentBytes() + ",\"spilled_bytes\":" + usage.spilledBytes()
        + ",\"spill_files\":" + usage.spillFiles() + ",\"lock_wait_ms\":"
        + millis(usage.lockWaitNanos()) + ",\"admission_wait_ms\":"
        + millis(usage.admissionWaitNanos()) + ",\"wal_sync_ms\":"
        + millis(usage.walSyncNanos());
  }

  /**
   * Folded stacks: one line per operator, its path from the plan's root separated by ';' and
   * its own time in microseconds (summed over threads).
   */
  public static String folded(QueryRecord record) {
    StringBuilder text = new StringBuilder();
    TraceDetail detail = record.detail();
    if (detail != null) {
      for (OperatorTrace plan : detail.plans()) {
        folded(text, "statement " + record.traceId(), plan);
      }
    }
    return text.toString();
  }

  private static void folded(StringBuilder text, String path, OperatorTrace operator) {
    String here = path + ";" + operator.name().replace(';', ',').replace('\n', ' ');
    text.append(here).append(' ').append(operator.selfNanos() / 1000).append('\n');
    for (OperatorTrace input : operator.inputs()) {
      folded(text, here, input);
    }
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
  }

  /** A JSON string literal of the text. */
  public static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
