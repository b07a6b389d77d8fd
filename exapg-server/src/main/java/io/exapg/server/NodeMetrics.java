package io.exapg.server;

import io.exapg.core.exec.IoTier;
import io.exapg.core.memory.MemoryManager;
import io.exapg.core.trace.QueryRecord;
import io.exapg.core.trace.StatementUsage;
import io.exapg.core.trace.Waits;
import io.exapg.planner.engine.AdmissionControl;
import io.exapg.planner.engine.SqlEngine;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.table.StorageStatistics;
import io.exapg.storage.table.TableSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The node's metrics in a Prometheus registry, served at /metrics: statements by outcome and
 * their latency, chunk reads and bytes per I/O tier and the chunk cache's hit ratio, bytes sent
 * to clients and spilled to disk, time waited by cause, the admission queue, the write-ahead
 * log's fsync latency, sessions, query memory, and the stored data's size and compression,
 * plus the JVM's own.
 */
final class NodeMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer latency;
  private final Counter[] reads = new Counter[IoTier.values().length];
  private final Counter[] bytes = new Counter[IoTier.values().length];
  private final Counter sentBytes;
  private final Counter spilledBytes;
  private final Counter spillFiles;
  private final Counter[] waits = new Counter[Waits.Kind.values().length];
  private final JvmGcMetrics gc = new JvmGcMetrics();

  NodeMetrics(SqlEngine engine, StorageEngine storage, MemoryManager memory,
      IntSupplier connections) {
    latency = Timer.builder("exapg.query.duration")
        .description("Statement time from start to last row sent or error")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(10))
        .register(registry);
    for (IoTier tier : IoTier.values()) {
      String number = Integer.toString(tier.ordinal() + 1);
      reads[tier.ordinal()] = Counter.builder("exapg.io.reads")
          .description("Column chunks read, by tier: 1 chunk cache, 2 page cache, 3 device")
          .tag("tier", number).register(registry);
      bytes[tier.ordinal()] = Counter.builder("exapg.io.read.bytes")
          .description("Bytes of column chunks read, by tier").baseUnit("bytes")
          .tag("tier", number).register(registry);
    }
    sentBytes = Counter.builder("exapg.client.sent.bytes")
        .description("Bytes of result rows and COPY data sent to clients").baseUnit("bytes")
        .register(registry);
    spilledBytes = Counter.builder("exapg.spill.bytes")
        .description("Bytes queries wrote to spill files past their memory budget")
        .baseUnit("bytes").register(registry);
    spillFiles = Counter.builder("exapg.spill.files")
        .description("Spill files queries made").register(registry);
    for (Waits.Kind kind : Waits.Kind.values()) {
      waits[kind.ordinal()] = Counter.builder("exapg.wait.time")
          .description("Time statements waited: for the commit lock, for admission"
              + " (--max-active-statements), for the write-ahead log's fsync")
          .baseUnit("seconds").tag("cause", kind.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    Timer walSync = Timer.builder("exapg.wal.fsync.duration")
        .description("Length of each fsync of the write-ahead log for commits")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1).dividedBy(100))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
    storage.onWalSync(nanos -> walSync.record(nanos, TimeUnit.NANOSECONDS));
    AdmissionControl admission = engine.admission();
    Gauge.builder("exapg.admission.waiting", admission, AdmissionControl::waiting)
        .description("Sessions waiting for a slot to execute in").register(registry);
    Gauge.builder("exapg.admission.running", admission, AdmissionControl::running)
        .description("Sessions holding a slot to execute in (0 without a limit)")
        .register(registry);
    Gauge.builder("exapg.admission.limit", admission, AdmissionControl::limit)
        .description("Sessions that may execute at once (--max-active-statements; 0 no limit)")
        .register(registry);
    Gauge.builder("exapg.chunk.cache.hit.ratio", this::cacheHitRatio)
        .description("Share of chunk reads served by the chunk cache (Tier 1) since start")
        .register(registry);
    Gauge.builder("exapg.sessions.active", connections::getAsInt)
        .description("Client connections open").register(registry);
    Gauge.builder("exapg.memory.allocated", memory, MemoryManager::allocatedBytes)
        .description("Query memory allocated now").baseUnit("bytes").register(registry);
    Gauge.builder("exapg.memory.limit", memory, MemoryManager::limitBytes)
        .description("Memory all queries may use").baseUnit("bytes").register(registry);
    Gauge.builder("exapg.storage.segments", storage, s -> storedData(s)[0])
        .description("Segment files of all tables").register(registry);
    Gauge.builder("exapg.storage.stored", storage, s -> storedData(s)[1])
        .description("Bytes of all tables on disk").baseUnit("bytes").register(registry);
    Gauge.builder("exapg.storage.compression.ratio", storage, s -> {
      double[] data = storedData(s);
      return data[1] == 0 ? 0 : data[2] / data[1];
    }).description("Uncompressed size of the stored values over their size on disk")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    engine.queryLog().addListener(this::finished);
  }

  private void finished(QueryRecord record) {
    Counter.builder("exapg.queries").description("Statements finished, by outcome")
        .tag("status", record.status()).register(registry).increment();
    latency.record(Duration.ofNanos(record.durationNanos()));
    for (IoTier tier : IoTier.values()) {
      reads[tier.ordinal()].increment(record.reads(tier));
      bytes[tier.ordinal()].increment(record.bytes(tier));
    }
    StatementUsage usage = record.usage();
    sentBytes.increment(usage.sentBytes());
    spilledBytes.increment(usage.spilledBytes());
    spillFiles.increment(usage.spillFiles());
    waits[Waits.Kind.LOCK.ordinal()].increment(usage.lockWaitNanos() / 1e9);
    waits[Waits.Kind.ADMISSION.ordinal()].increment(usage.admissionWaitNanos() / 1e9);
    waits[Waits.Kind.WAL_SYNC.ordinal()].increment(usage.walSyncNanos() / 1e9);
  }

  private double cacheHitRatio() {
    double all = 0;
    for (Counter counter : reads) {
      all += counter.count();
    }
    return all == 0 ? 0 : reads[IoTier.MEMORY.ordinal()].count() / all;
  }

  /** Segments, bytes on disk and bytes uncompressed of all tables' committed data. */
  private static double[] storedData(StorageEngine storage) {
    double segments = 0;
    double stored = 0;
    double raw = 0;
    for (TableDef table : storage.catalog().tables()) {
      TableSnapshot snapshot = storage.snapshot(table.id());
      if (snapshot == null) {
        continue;
      }
      StorageStatistics.TableStats stats = StorageStatistics.table(snapshot);
      segments += stats.segments();
      stored += stats.storedBytes();
      for (StorageStatistics.ColumnStats column : StorageStatistics.columns(snapshot)) {
        raw += column.rawBytes();
      }
    }
    return new double[] {segments, stored, raw};
  }

  MeterRegistry registry() {
    return registry;
  }

  /** The metrics in Prometheus' text format. */
  String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
