package io.exapg.server;

import io.exapg.core.exec.WorkerPool;
import io.exapg.core.memory.MemoryManager;
import io.exapg.planner.engine.EngineOptions;
import io.exapg.planner.engine.SqlEngine;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.StorageOptions;
import io.exapg.wire.PgServer;
import io.exapg.wire.WireOptions;
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
        + ")"));
    pgServer = new PgServer(new WireOptions(config.listen(), config.port(),
        config.maxConnections()), engine, new ConfiguredAuthenticator(config));
    port = pgServer.start();
    http = new HttpEndpoint(config.listen(), config.httpPort(), this::health);
    httpPort = http.start();
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
    closeQuietly(pgServer);
    closeQuietly(engine);
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
