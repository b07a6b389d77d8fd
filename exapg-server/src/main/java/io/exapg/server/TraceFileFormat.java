package io.exapg.server;

import io.exapg.core.exec.IoTier;
import io.exapg.core.trace.IoCounters;
import io.exapg.core.trace.OperatorTrace;
import io.exapg.core.trace.QueryRecord;
import io.exapg.core.trace.StatementUsage;
import io.exapg.core.trace.TableActivity;
import io.exapg.core.trace.TraceDetail;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A traced statement in the trace files' two forms: readable text, and a compact binary
 * record (docs/operations.md gives its layout) that the files hold zstd-compressed.
 */
final class TraceFileFormat {
  static final int MAGIC = 0x45585452;
  /** Version 2 added the usage (bytes sent and spilled, waits); version 1 is still read. */
  static final int VERSION = 2;

  private TraceFileFormat() {
  }

  static String text(QueryRecord record) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "== trace %d  session %d  user %s  %s  %.3f ms  %s"
        + "  rows %d%n", record.traceId(), record.sessionId(), record.user(),
        Instant.ofEpochSecond(0, record.startMicros() * 1000), record.durationMillis(),
        record.status(), record.rows()));
    text.append("query: ").append(record.query().replace("\n", "\n       ")).append('\n');
    text.append("io:");
    for (IoTier tier : IoTier.values()) {
      text.append(String.format(Locale.ROOT, " tier%d %d chunks/%d bytes/%.3f ms",
          tier.ordinal() + 1, record.io().reads(tier), record.io().bytes(tier),
          record.io().nanos(tier) / 1e6));
    }
    text.append('\n');
    StatementUsage usage = record.usage();
    text.append(String.format(Locale.ROOT, "usage: sent %d bytes, spilled %d bytes in %d files,"
        + " waited lock %.3f ms, admission %.3f ms, wal sync %.3f ms%n", usage.sentBytes(),
        usage.spilledBytes(), usage.spillFiles(), usage.lockWaitNanos() / 1e6,
        usage.admissionWaitNanos() / 1e6, usage.walSyncNanos() / 1e6));
    TraceDetail detail = record.detail();
    if (detail != null) {
      for (TraceDetail.Phase phase : detail.phases()) {
        text.append(String.format(Locale.ROOT, "phase %-14s at %10.3f ms  took %10.3f ms%n",
            phase.name(), phase.offsetNanos() / 1e6, phase.nanos() / 1e6));
      }
      for (OperatorTrace plan : detail.plans()) {
        operators(text, plan, 0);
      }
    }
    return text.append('\n').toString();
  }

  private static void operators(StringBuilder text, OperatorTrace operator, int depth) {
    text.append("  ".repeat(depth + 1)).append(depth > 0 ? "-> " : "").append(operator.name())
        .append(String.format(Locale.ROOT, "  [rows=%d batches=%d self=%.3f ms memory=%d]%n",
            operator.rows(), operator.batches(), operator.selfNanos() / 1e6,
            operator.peakMemoryBytes()));
    for (OperatorTrace input : operator.inputs()) {
      operators(text, input, depth + 1);
    }
  }

  static byte[] binary(QueryRecord record) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeByte(VERSION);
      out.writeLong(record.traceId());
      out.writeInt(record.sessionId());
      out.writeUTF(record.user());
      writeText(out, record.query());
      out.writeLong(record.startMicros());
      out.writeLong(record.durationNanos());
      out.writeLong(record.rows());
      out.writeUTF(record.status());
      for (IoTier tier : IoTier.values()) {
        out.writeLong(record.io().reads(tier));
        out.writeLong(record.io().bytes(tier));
        out.writeLong(record.io().nanos(tier));
      }
      StatementUsage usage = record.usage();
      out.writeLong(usage.sentBytes());
      out.writeLong(usage.spilledBytes());
      out.writeLong(usage.spillFiles());
      out.writeLong(usage.lockWaitNanos());
      out.writeLong(usage.admissionWaitNanos());
      out.writeLong(usage.walSyncNanos());
      TraceDetail detail = record.detail();
      out.writeShort(detail == null ? 0 : detail.phases().size());
      if (detail != null) {
        for (TraceDetail.Phase phase : detail.phases()) {
          out.writeUTF(phase.name());
          out.writeLong(phase.offsetNanos());
          out.writeLong(phase.nanos());
        }
      }
      out.writeShort(detail == null ? 0 : detail.plans().size());
      if (detail != null) {
        for (OperatorTrace plan : detail.plans()) {
          writeOperator(out, plan);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeOperator(DataOutputStream out, OperatorTrace operator)
      throws IOException {
    writeText(out, operator.name());
    out.writeLong(operator.rows());
    out.writeLong(operator.batches());
    out.writeLong(operator.selfNanos());
    out.writeLong(operator.peakMemoryBytes());
    out.writeShort(operator.inputs().size());
    for (OperatorTrace input : operator.inputs()) {
      writeOperator(out, input);
    }
  }

  /** Texts of any length: u32 byte count, then UTF-8. */
  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readText(DataInputStream in) throws IOException {
    byte[] utf8 = new byte[in.readInt()];
    in.readFully(utf8);
    return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The statements of a binary trace file's uncompressed bytes, in order. */
  static List<QueryRecord> read(DataInputStream in) throws IOException {
    List<QueryRecord> records = new ArrayList<>();
    while (true) {
      int magic;
      try {
        magic = in.readInt();
      } catch (EOFException end) {
        return records;
      }
      int version = magic == MAGIC ? in.readByte() : -1;
      if (version != 1 && version != VERSION) {
        throw new IOException("not an ExaPG trace record (version 1 or " + VERSION + ")");
      }
      long traceId = in.readLong();
      int sessionId = in.readInt();
      String user = in.readUTF();
      String query = readText(in);
      long start = in.readLong();
      long duration = in.readLong();
      long rows = in.readLong();
      String status = in.readUTF();
      long[][] io = new long[3][IoTier.values().length];
      for (int tier = 0; tier < IoTier.values().length; tier++) {
        for (int k = 0; k < 3; k++) {
          io[k][tier] = in.readLong();
        }
      }
      StatementUsage usage = version == 1 ? StatementUsage.NONE : new StatementUsage(
          in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
          in.readLong());
      List<TraceDetail.Phase> phases = new ArrayList<>();
      for (int p = in.readShort(); p > 0; p--) {
        phases.add(new TraceDetail.Phase(in.readUTF(), in.readLong(), in.readLong()));
      }
      List<OperatorTrace> plans = new ArrayList<>();
      for (int p = in.readShort(); p > 0; p--) {
        plans.add(readOperator(in));
      }
      records.add(new QueryRecord(traceId, sessionId, user, query, start, duration, rows,
          status, IoCounters.of(io[0], io[1], io[2]), usage, TableActivity.NONE,
          new TraceDetail(phases, plans)));
    }
  }

  private static OperatorTrace readOperator(DataInputStream in) throws IOException {
    String name = readText(in);
    long rows = in.readLong();
    long batches = in.readLong();
    long self = in.readLong();
    long memory = in.readLong();
    List<OperatorTrace> inputs = new ArrayList<>();
    for (int i = in.readShort(); i > 0; i--) {
      inputs.add(readOperator(in));
    }
    return new OperatorTrace(name, rows, batches, self, memory, inputs);
  }
}
