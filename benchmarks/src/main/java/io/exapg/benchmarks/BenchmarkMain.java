package io.exapg.benchmarks;

import io.exapg.benchmarks.slt.SltComparison;
import io.exapg.benchmarks.slt.SltCorpus;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** bin/exapg bench: benchmarks ExaPG side by side with DuckDB and PostgreSQL in one run. */
@CommandLine.Command(name = "bench", mixinStandardHelpOptions = true,
    subcommands = {BenchmarkMain.Foundation.class, BenchmarkMain.Storage.class,
        BenchmarkMain.Tpch.class, BenchmarkMain.TraceOverhead.class, BenchmarkMain.Slt.class,
        BenchmarkMain.Load.class, BenchmarkMain.Vector.class},
    description = "Runs ExaPG's benchmarks against DuckDB (in-process) and PostgreSQL"
        + " (a private server from the Debian package).")
public final class BenchmarkMain implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.exit(new CommandLine(new BenchmarkMain()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** What a benchmark does with the engines once they run. */
  interface Body {
    void run(List<Engine> engines) throws Exception;
  }

  /** --threads and --engines, shared by every benchmark. */
  static final class EngineOptions {
    @CommandLine.Option(names = "--threads", defaultValue = "2",
        description = "Worker threads of every engine (default: ${DEFAULT-VALUE}).")
    int threads;

    @CommandLine.Option(names = "--engines", defaultValue = "exapg,duckdb,postgres", split = ",",
        description = "Engines to run; the others are compared with the first"
            + " (default: ${DEFAULT-VALUE}).")
    List<String> engines;

    /**
     * Starts the engines in order, runs the body, and closes every engine that started, also
     * when a later one fails to start.
     *
     * @param duckDbOnDisk whether DuckDB keeps its database in a file (for sizes on disk)
     */
    int run(boolean duckDbOnDisk, Body body) throws Exception {
      List<Engine> started = new ArrayList<>();
      try {
        for (String name : engines) {
          started.add(switch (name.toLowerCase(Locale.ROOT)) {
            case "exapg" -> new ExapgEngine(threads);
            case "duckdb" -> new DuckDbEngine(threads,
                duckDbOnDisk ? Files.createTempDirectory("exapg-duck-") : null);
            case "postgres", "postgresql" -> PostgresEngine.start(threads);
            default -> throw new IllegalArgumentException("unknown engine " + name
                + " (known: exapg, duckdb, postgres)");
          });
        }
        body.run(started);
        return 0;
      } finally {
        for (Engine engine : started) {
          engine.close();
        }
      }
    }
  }

  /** --scale and --data of the TPC-H benchmarks. */
  static final class TpchOptions {
    @CommandLine.Option(names = "--scale", defaultValue = "1",
        description = "TPC-H scale factor (default: ${DEFAULT-VALUE}).")
    double scale;

    @CommandLine.Option(names = "--data", defaultValue = "target/tpch",
        description = "Where the generated CSV files are kept (default: ${DEFAULT-VALUE}).")
    Path data;

    /** The CSV files of the scale factor, generated on first use. */
    Path files() throws Exception {
      return TpchData.generate(data, scale);
    }
  }

  /** The foundation benchmark of issue 2. */
  @CommandLine.Command(name = "foundation", mixinStandardHelpOptions = true,
      description = "Loads N rows into each engine and times COUNT, SUM and GROUP BY.")
  static final class Foundation implements Callable<Integer> {
    @CommandLine.Option(names = "--rows", defaultValue = "10000000",
        description = "Rows to generate (default: ${DEFAULT-VALUE}).")
    long rows;

    @CommandLine.Option(names = "--runs", defaultValue = "5",
        description = "Timed runs per query; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @CommandLine.Mixin
    EngineOptions engines;

    @Override
    public Integer call() throws Exception {
      return engines.run(false, started -> {
        List<FoundationBenchmark.Result> results = FoundationBenchmark.run(started, rows, runs);
        System.out.println(machine());
        System.out.println(FoundationBenchmark.report(results, rows, runs));
      });
    }
  }

  /** The storage benchmark of issue 3: TPC-H loading speed and size on disk. */
  @CommandLine.Command(name = "storage", mixinStandardHelpOptions = true,
      description = "Loads TPC-H from CSV into each engine; times lineitem, measures disk.")
  static final class Storage implements Callable<Integer> {
    @CommandLine.Mixin
    TpchOptions tpch;

    @CommandLine.Mixin
    EngineOptions engines;

    @Override
    public Integer call() throws Exception {
      Path files = tpch.files();
      return engines.run(true, started -> {
        List<StorageBenchmark.Result> results = StorageBenchmark.run(started, files);
        System.out.println(machine());
        System.out.println(StorageBenchmark.report(results, files));
      });
    }
  }

  /** The TPC-H query benchmark of issue 4. */
  @CommandLine.Command(name = "tpch", mixinStandardHelpOptions = true,
      description = "Loads TPC-H into each engine and times the 22 queries.")
  static final class Tpch implements Callable<Integer> {
    @CommandLine.Mixin
    TpchOptions tpch;

    @CommandLine.Option(names = "--runs", defaultValue = "3",
        description = "Timed runs per query; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @CommandLine.Option(names = "--timeout", defaultValue = "300",
        description = "Seconds a query may run before it is cancelled (default: ${DEFAULT-VALUE}).")
    int timeout;

    @CommandLine.Option(names = "--trace", defaultValue = "off",
        description = "ExaPG's tracing during the run: off, on (every statement keeps its"
            + " detail) or sampled (1%% of the statements and every one of at least 1 s)"
            + " (default: ${DEFAULT-VALUE}).")
    String trace;

    @CommandLine.Mixin
    EngineOptions engines;

    @Override
    public Integer call() throws Exception {
      Path files = tpch.files();
      TraceOverheadBenchmark.Mode mode = TraceOverheadBenchmark.Mode.of(trace);
      return engines.run(true, started -> {
        for (Engine engine : started) {
          if (engine instanceof ExapgEngine) {
            try (java.sql.Statement statement = engine.connection().createStatement()) {
              statement.execute(mode.switchStatement);
            }
          }
        }
        List<TpchBenchmark.Result> results = TpchBenchmark.run(started, files, runs, timeout);
        System.out.println(machine());
        System.out.println("TPC-H scale factor " + TpchData.scaleName(tpch.scale)
            + ", ExaPG tracing " + trace);
        System.out.println(TpchBenchmark.report(results, runs));
      });
    }
  }

  /** Tracing's overhead on TPC-H (issue 6), the modes interleaved in one node. */
  @CommandLine.Command(name = "trace-overhead", mixinStandardHelpOptions = true,
      description = "Loads TPC-H into one ExaPG node and times the 22 queries with tracing off,"
          + " off again (the noise floor), on and sampled, interleaved query by query.")
  static final class TraceOverhead implements Callable<Integer> {
    @CommandLine.Mixin
    TpchOptions tpch;

    @CommandLine.Option(names = "--rounds", defaultValue = "15",
        description = "Rounds; each runs every query once per mode (default: ${DEFAULT-VALUE}).")
    int rounds;

    @CommandLine.Option(names = "--timeout", defaultValue = "300",
        description = "Seconds a query may run before it is cancelled (default: ${DEFAULT-VALUE}).")
    int timeout;

    @CommandLine.Option(names = "--threads", defaultValue = "2",
        description = "Worker threads of the node (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws Exception {
      if (rounds < 1) {
        throw new IllegalArgumentException("--rounds must be at least 1");
      }
      Path files = tpch.files();
      try (ExapgEngine engine = new ExapgEngine(threads)) {
        TraceOverheadBenchmark.Result result = TraceOverheadBenchmark.run(engine, files,
            rounds, timeout);
        System.out.println(machine());
        System.out.println("TPC-H scale factor " + TpchData.scaleName(tpch.scale)
            + ", ExaPG tracing modes interleaved");
        System.out.println(TraceOverheadBenchmark.report(result));
      }
      return 0;
    }
  }

  /** The Java Vector API against plain loops in ExaPG's hot kernels (issue 4). */
  @CommandLine.Command(name = "vector", mixinStandardHelpOptions = true,
      description = "Times scan, filter and aggregate kernels as plain Java and with the"
          + " incubating Java Vector API, on data in the CPU caches and from memory.")
  static final class Vector implements Callable<Integer> {
    @CommandLine.Option(names = "--rows", defaultValue = "8388608",
        description = "Rows of the large columns (default: ${DEFAULT-VALUE}).")
    int rows;

    @CommandLine.Option(names = "--rounds", defaultValue = "15",
        description = "Timed rounds per kernel; the median is reported"
            + " (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
      if (rows < VectorApiBenchmark.BATCH || rounds < 1) {
        throw new IllegalArgumentException("--rows must be at least "
            + VectorApiBenchmark.BATCH + " and --rounds at least 1");
      }
      List<VectorApiBenchmark.Result> results = VectorApiBenchmark.run(rows, rounds);
      System.out.println(machine());
      System.out.println(VectorApiBenchmark.report(results));
      return 0;
    }
  }

  /** The concurrency load test of issue 5. */
  @CommandLine.Command(name = "load", mixinStandardHelpOptions = true,
      description = "Runs many JDBC clients at once against ExaPG (lookups, analytic queries,"
          + " inserts and errors on purpose) and reports latencies, errors and leaks.")
  static final class Load implements Callable<Integer> {
    @CommandLine.Option(names = "--clients", defaultValue = "64",
        description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @CommandLine.Option(names = "--duration", defaultValue = "300",
        description = "Seconds to run (default: ${DEFAULT-VALUE}).")
    long seconds;

    @CommandLine.Option(names = "--rows", defaultValue = "1000000",
        description = "Rows of the fact table the analytic queries read (default:"
            + " ${DEFAULT-VALUE}).")
    long rows;

    @Override
    public Integer call() throws Exception {
      try (ExapgEngine engine = new ExapgEngine(Runtime.getRuntime().availableProcessors(),
          clients + 10)) {
        LoadBenchmark.Result result = LoadBenchmark.run(engine, clients, seconds, rows);
        System.out.println(machine());
        System.out.println(LoadBenchmark.report(result));
        boolean clean = result.unexpected() == 0
            && result.connectionsAfter() == result.connectionsBefore()
            && result.memoryAfter() == result.memoryBefore();
        return clean ? 0 : 1;
      }
    }
  }

  /** The sqllogictest corpus of issue 5, on ExaPG next to PostgreSQL. */
  @CommandLine.Command(name = "slt", mixinStandardHelpOptions = true,
      description = "Runs SQLite's public sqllogictest corpus (select1-5, random/aggregates,"
          + " random/expr, random/groupby by default) on ExaPG and PostgreSQL and reports"
          + " the records each passes, per file.")
  static final class Slt implements Callable<Integer> {
    @CommandLine.Option(names = "--files", split = ",", description = "Files or directories"
        + " of the corpus (default: select1..select5, random/aggregates, random/expr,"
        + " random/groupby).")
    List<String> files = SltCorpus.DEFAULT;

    @CommandLine.Option(names = "--per-directory", defaultValue = "0", description = "At most"
        + " this many files of each directory, in numeric order; 0 for all (default).")
    int perDirectory;

    @CommandLine.Option(names = "--reference", defaultValue = "true", arity = "1",
        description = "Also run PostgreSQL 15 (default: ${DEFAULT-VALUE}).")
    boolean reference;

    @CommandLine.Option(names = "--timeout", defaultValue = "30",
        description = "Seconds one record may run (default: ${DEFAULT-VALUE}).")
    int timeout;

    @CommandLine.Option(names = "--failures", description = "File listing the records ExaPG"
        + " fails, with what it returned.")
    Path failures;

    @Override
    public Integer call() throws Exception {
      SltCorpus corpus = SltCorpus.open();
      List<String> selected = corpus.files(files, perDirectory);
      EngineOptions engines = new EngineOptions();
      engines.threads = 2;
      engines.engines = reference ? List.of("exapg", "postgres") : List.of("exapg");
      try (PrintWriter failureLog = failures == null ? null
          : new PrintWriter(Files.newBufferedWriter(failures), true)) {
        return engines.run(false, started -> {
          SltComparison comparison =
              new SltComparison(started.get(0).connection(),
                  reference ? started.get(1).connection() : null, timeout, failureLog);
          List<SltComparison.FileResult> results = new ArrayList<>();
          for (String file : selected) {
            if (failureLog != null) {
              failureLog.println("== " + file);
            }
            SltComparison.FileResult result =
                comparison.run(file, corpus.records(file));
            results.add(result);
            System.err.printf(Locale.ROOT, "%s: %d records, ExaPG %d, PostgreSQL %d%n", file,
                result.records(), result.exapgPassed(), result.referencePassed());
          }
          System.out.println(machine());
          System.out.println(SltComparison.report(results, reference));
        });
      }
    }
  }

  static String machine() {
    return String.format(Locale.ROOT, "Machine: %d cores, %.1f GiB max heap, %s %s, Java %s",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1073741824.0,
        System.getProperty("os.name"), System.getProperty("os.arch"),
        System.getProperty("java.version"));
  }
}
