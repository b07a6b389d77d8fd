package io.exapg.server;

import io.exapg.core.auth.ScramVerifier;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.WorkerPool;
import io.exapg.core.memory.MemoryManager;
import io.exapg.planner.engine.EngineOptions;
import io.exapg.planner.engine.SqlEngine;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.StorageOptions;
import io.exapg.storage.catalog.AccessControl;
import io.exapg.storage.catalog.RoleDef;
import io.exapg.wire.PgServer;
import io.exapg.wire.WireOptions;
import io.micrometer.core.instrument.Gauge;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running ExaPG node: storage, engine, PostgreSQL protocol and HTTP, wired together. */
public final class ExapgNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExapgNode.class);
  public static final String VERSION = "0.1.0";

  private final ServerConfig config;
  private MemoryManager memory;
  private WorkerPool workers;
  private StorageEngine storage;
  private SqlEngine engine;
  private PgServer pgServer;
  private HttpEndpoint http;
  private NodeMetrics metrics;
  private TraceFiles traceFiles;
  private ConfiguredAuthenticator authenticator;
  private int port;
  private int httpPort;
  private volatile boolean closed;

  private ExapgNode(ServerConfig config) {
    this.config = config;
  }

  /** Opens the data directory (recovering it if needed) and starts listening. */
  public static ExapgNode start(ServerConfig config) throws InterruptedException {
    ExapgNode node = new ExapgNode(config);
    try {
      node.open();
      return node;
    } catch (RuntimeException | InterruptedException e) {
      node.close();
      throw e;
    }
  }

  private void open() throws InterruptedException {
    memory = new MemoryManager(config.memoryLimitBytes());
    workers = new WorkerPool(config.workerThreads());
    StorageOptions options = StorageOptions.defaults();
    if (config.chunkCacheBytes() > 0) {
      options = options.withChunkCacheBytes(config.chunkCacheBytes());
    }
    storage = StorageEngine.open(config.dataDirectory(), options);
    engine = new SqlEngine(storage, memory, workers, new EngineOptions(ServerConfig.DATABASE,
        config.queryMemoryLimitBytes(), EngineOptions.POSTGRES_VERSION + " (ExaPG " + VERSION
        + ")", config.workload().queryHistorySize(), config.workload().maxActiveStatements()));
    setInitialPassword(storage.access());
    HbaRules rules = config.hbaFile() != null
        ? HbaRules.read(config.hbaFile(), config.sslRequired())
        : HbaRules.defaults(config.loopbackTrust(), config.sslRequired());
    authenticator = new ConfiguredAuthenticator(rules, storage.access());
    engine.onReload(this::reloadConfiguration);
    pgServer = new PgServer(new WireOptions(config.listen(), config.port(),
        config.maxConnections(), tlsContext()), engine, authenticator);
    port = pgServer.start();
    metrics = new NodeMetrics(engine, storage, memory, pgServer::connectionCount);
    traceFiles = new TraceFiles(config.dataDirectory().resolve("trace"),
        config.workload().traceFileBytes(), config.workload().traceDirectoryBytes());
    engine.queryLog().addListener(traceFiles::write);
    Gauge.builder("exapg.trace.records.dropped", traceFiles, TraceFiles::dropped)
        .description("Traced statements left out of the trace files: the writer fell behind")
        .register(metrics.registry());
    if (config.alerts().any()) {
      engine.queryLog().addListener(new Alerts(config.alerts(), metrics.registry())::check);
    }
    http = new HttpEndpoint(config.listen(), config.httpPort(), this::health, metrics::scrape);
    httpPort = http.start();
  }

  /**
   * Reads the configuration files again (pg_reload_conf(), SIGHUP): the --hba-file rules,
   * which connections from now on follow. Null when done, else what could not be read; the
   * rules in force then stay.
   */
  public String reloadConfiguration() {
    if (config.hbaFile() == null) {
      return null;
    }
    try {
      authenticator.replaceRules(HbaRules.read(config.hbaFile(), config.sslRequired()));
      LOG.info("authentication rules reloaded from {}", config.hbaFile());
      return null;
    } catch (ExaException e) {
      String problem = "the authentication rules were not reloaded, the previous ones stay: "
          + e.getMessage();
      LOG.warn(problem);
      return problem;
    }
  }

  /** --password becomes the bootstrap superuser's password when it has none yet. */
  private void setInitialPassword(AccessControl access) {
    RoleDef superuser = access.role(AccessControl.BOOTSTRAP_OID);
    if (config.password() != null && superuser.password() == null) {
      access.replaceRole(new RoleDef(superuser.oid(), superuser.name(), true,
          superuser.inherit(), superuser.createRole(), superuser.createDb(), superuser.login(),
          superuser.connectionLimit(), ScramVerifier.create(config.password()).text(),
          superuser.validUntil()));
    }
  }

  /** The TLS context of the configured certificate and key, or null without them. */
  private SslContext tlsContext() {
    if (config.sslCertificate() == null && config.sslKey() == null) {
      if (config.sslRequired()) {
        throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
            "ssl-required needs ssl-cert and ssl-key");
      }
      return null;
    }
    if (config.sslCertificate() == null || config.sslKey() == null) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "TLS needs both ssl-cert and ssl-key");
    }
    try {
      return SslContextBuilder.forServer(config.sslCertificate().toFile(),
          config.sslKey().toFile()).build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE, "cannot use the TLS certificate "
          + config.sslCertificate() + " and key " + config.sslKey() + ": " + e.getMessage(), e);
    }
  }

  private String health() {
    return "{\"status\":\"" + (closed ? "stopping" : "ok") + "\",\"version\":\"" + VERSION
        + "\",\"connections\":" + pgServer.connectionCount() + ",\"memoryAllocatedBytes\":"
        + memory.allocatedBytes() + "}";
  }

  public int port() {
    return port;
  }

  public int httpPort() {
    return httpPort;
  }

  public ServerConfig config() {
    return config;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(http);
    closeQuietly(metrics);
    closeQuietly(pgServer);
    closeQuietly(engine);
    closeQuietly(traceFiles);
    closeQuietly(storage);
    closeQuietly(workers);
    closeQuietly(memory);
  }

  private static void closeQuietly(AutoCloseable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception e) {
      LOG.warn("error while stopping {}", resource.getClass().getSimpleName(), e);
    }
  }
}
