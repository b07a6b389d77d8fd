package io.exapg.server;

import io.exapg.core.error.ExaException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import sun.misc.Signal;

/** exapg start: runs one node in the foreground until SIGTERM or Ctrl-C. */
@CommandLine.Command(name = "start", mixinStandardHelpOptions = true,
    description = "Runs a single ExaPG node in the foreground.%nEvery option can also be set"
        + " with an environment variable (EXAPG_PORT, EXAPG_DATA_DIR, ...) or in a config file"
        + " (port = 5432, data-dir = ./data, ...) given with --config or EXAPG_CONFIG.")
final class StartCommand implements Callable<Integer> {
  @CommandLine.Option(names = "--config", description = "Config file (key = value lines).")
  Path config;

  @CommandLine.Option(names = "--listen", description = "Address to listen on (default:"
      + " ${DEFAULT-VALUE}).")
  String listen;

  @CommandLine.Option(names = "--port", description = "PostgreSQL protocol port (default:"
      + " ${DEFAULT-VALUE}).")
  int port;

  @CommandLine.Option(names = "--http-port", description = "HTTP port for /health (default:"
      + " ${DEFAULT-VALUE}).")
  int httpPort;

  @CommandLine.Option(names = "--data-dir", description = "Data directory (default:"
      + " ${DEFAULT-VALUE}).")
  Path dataDirectory;

  @CommandLine.Option(names = "--memory-limit", description = "Memory for all queries, e.g."
      + " 8GB (default: 80%% of the JVM's maximum heap).")
  String memoryLimit;

  @CommandLine.Option(names = "--query-memory-limit", description = "Default memory budget of"
      + " one query (default: half the memory limit).")
  String queryMemoryLimit;

  @CommandLine.Option(names = "--chunk-cache", description = "Memory for recently read"
      + " column chunks, e.g. 2GB (default: an eighth of the heap, at most 1GB).")
  String chunkCache;

  @CommandLine.Option(names = "--workers", description = "Worker threads (default: one per"
      + " core).")
  String workers;

  @CommandLine.Option(names = "--max-connections", description = "Most concurrent clients"
      + " (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @CommandLine.Option(names = "--password", description = "Initial password of user exapg,"
      + " set when exapg has none (default: none; ALTER USER changes it later).")
  String password;

  @CommandLine.Option(names = "--loopback-trust", arity = "1", description = "Without"
      + " --hba-file: let loopback clients connect without password (default:"
      + " ${DEFAULT-VALUE}); all others authenticate with SCRAM-SHA-256.")
  boolean loopbackTrust;

  @CommandLine.Option(names = "--hba-file", description = "Client authentication rules in"
      + " pg_hba.conf form (host/hostssl/hostnossl, database, user, address, method).")
  String hbaFile;

  @CommandLine.Option(names = "--ssl-cert", description = "PEM certificate for TLS.")
  String sslCertificate;

  @CommandLine.Option(names = "--ssl-key", description = "PEM private key (PKCS#8) of the"
      + " certificate.")
  String sslKey;

  @CommandLine.Option(names = "--ssl-required", arity = "1", description = "Refuse"
      + " connections without TLS (default: ${DEFAULT-VALUE}).")
  boolean sslRequired;

  @CommandLine.Option(names = "--query-history", description = "Finished statements"
      + " exa_query_history keeps (default: ${DEFAULT-VALUE}).")
  int queryHistory;

  @CommandLine.Option(names = "--max-active-statements", description = "Sessions executing"
      + " queries at once; others wait their turn, shown as wait_event_type Admission in"
      + " pg_stat_activity; 0 for no limit (default: ${DEFAULT-VALUE}).")
  int maxActiveStatements;

  @CommandLine.Option(names = "--trace-file-limit", description = "Size of a session's trace"
      + " file past which it is rotated to NAME.1 (default: ${DEFAULT-VALUE}).")
  String traceFileLimit;

  @CommandLine.Option(names = "--trace-dir-limit", description = "Size of all trace files past"
      + " which the oldest are deleted (default: ${DEFAULT-VALUE}).")
  String traceDirectoryLimit;

  @CommandLine.Option(names = "--alert-slow-query", description = "Alert on statements"
      + " running at least this long, e.g. 30s or 500ms (default: off).")
  String alertSlowQuery;

  @CommandLine.Option(names = "--alert-tier3-share", description = "Alert when more than this"
      + " percentage of the bytes read in a minute came from the device (default: off).")
  String alertTier3Share;

  @CommandLine.Option(names = "--alert-webhook", description = "URL each alert is POSTed to"
      + " as JSON (default: none; alerts are logged and counted anyway).")
  String alertWebhook;

  private AlertOptions alerts() {
    long slow = alertSlowQuery == null || alertSlowQuery.isEmpty() ? -1
        : millis(alertSlowQuery);
    double share = alertTier3Share == null || alertTier3Share.isEmpty() ? -1
        : Double.parseDouble(alertTier3Share.replace("%", "").trim());
    URI webhook = alertWebhook == null || alertWebhook.isEmpty() ? null
        : URI.create(alertWebhook);
    if (webhook != null && !List.of("http", "https").contains(webhook.getScheme())) {
      throw new IllegalArgumentException("--alert-webhook needs an http or https URL");
    }
    return new AlertOptions(slow, share, webhook);
  }

  /** Milliseconds of "500ms", "30s", "2min" or a plain number of milliseconds. */
  static long millis(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    long factor = 1;
    if (value.endsWith("ms")) {
      value = value.substring(0, value.length() - 2);
    } else if (value.endsWith("min")) {
      value = value.substring(0, value.length() - 3);
      factor = 60_000;
    } else if (value.endsWith("s")) {
      value = value.substring(0, value.length() - 1);
      factor = 1000;
    }
    return Long.parseLong(value.trim()) * factor;
  }

  @Override
  public Integer call() throws Exception {
    long memory = memoryLimit == null || memoryLimit.isEmpty()
        ? (long) (Runtime.getRuntime().maxMemory() * 0.8) : parseBytes(memoryLimit);
    long queryMemory = queryMemoryLimit == null || queryMemoryLimit.isEmpty()
        ? memory / 2 : parseBytes(queryMemoryLimit);
    int workerThreads = workers == null || workers.isEmpty()
        ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(workers);
    ServerConfig serverConfig = new ServerConfig(listen, port, httpPort,
        dataDirectory.toAbsolutePath().normalize(), memory, queryMemory, workerThreads,
        maxConnections, password == null || password.isEmpty() ? null : password,
        loopbackTrust, chunkCache == null || chunkCache.isEmpty() ? 0 : parseBytes(chunkCache))
        .withSecurity(pathOrNull(hbaFile), pathOrNull(sslCertificate), pathOrNull(sslKey),
            sslRequired);
    try {
      serverConfig = serverConfig.withWorkload(new WorkloadOptions(queryHistory,
          maxActiveStatements, parseBytes(traceFileLimit), parseBytes(traceDirectoryLimit)));
    } catch (IllegalArgumentException e) {
      System.err.println("exapg: " + e.getMessage());
      return 2;
    }
    try {
      serverConfig = serverConfig.withAlerts(alerts());
    } catch (IllegalArgumentException e) {
      System.err.println("exapg: invalid alert option: " + e.getMessage());
      return 2;
    }
    ExapgNode node;
    try {
      node = ExapgNode.start(serverConfig);
    } catch (ExaException e) {
      System.err.println("exapg: cannot start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("ExaPG shutting down");
      node.close();
      stopped.countDown();
    }, "exapg-shutdown"));
    // kill -HUP reads the configuration files again, as PostgreSQL's postmaster does
    Signal.handle(new Signal("HUP"), signal -> node.reloadConfiguration());
    System.out.printf(Locale.ROOT,
        "ExaPG %s ready to accept connections on %s:%d (HTTP on %s:%d, data in %s)%n",
        ExapgNode.VERSION, listen, node.port(), listen, node.httpPort(),
        serverConfig.dataDirectory());
    System.out.flush();
    stopped.await();
    return 0;
  }

  private static Path pathOrNull(String value) {
    return value == null || value.isBlank() ? null : Path.of(value.trim()).toAbsolutePath();
  }

  static long parseBytes(String value) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    long factor = 1;
    String[][] units = {{"KB", "1024"}, {"MB", "1048576"}, {"GB", "1073741824"},
        {"TB", "1099511627776"}, {"B", "1"}};
    for (String[] unit : units) {
      if (v.endsWith(unit[0])) {
        factor = Long.parseLong(unit[1]);
        v = v.substring(0, v.length() - unit[0].length()).trim();
        break;
      }
    }
    return Long.parseLong(v) * factor;
  }
}
