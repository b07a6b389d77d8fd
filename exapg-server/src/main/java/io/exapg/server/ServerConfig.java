package io.exapg.server;

import io.exapg.planner.engine.EngineOptions;
import java.nio.file.Path;

/**
 * Everything a node is started with.
 *
 * @param memoryLimitBytes memory for all queries and buffers together
 * @param queryMemoryLimitBytes default budget of one query
 * @param password the initial password of user exapg, set when exapg has none; null for none
 * @param loopbackTrust whether clients on the loopback interface may connect without a password
 *     (when there is no rules file)
 * @param chunkCacheBytes memory for recently read chunks; 0 for the default (an eighth of the
 *     heap, at most 1 GB)
 * @param hbaFile client authentication rules in pg_hba.conf form, or null for the defaults
 *     (loopback trusted if loopbackTrust, everyone else by SCRAM-SHA-256)
 * @param sslCertificate PEM certificate (chain) for TLS, or null for no TLS
 * @param sslKey the certificate's PEM private key (PKCS#8)
 * @param sslRequired whether connections without TLS are refused
 * @param workload statement limits, query history and trace file sizes
 * @param alerts the alert rules and their webhook
 */
public record ServerConfig(String listen, int port, int httpPort, Path dataDirectory,
    long memoryLimitBytes, long queryMemoryLimitBytes, int workerThreads, int maxConnections,
    String password, boolean loopbackTrust, long chunkCacheBytes, Path hbaFile,
    Path sslCertificate, Path sslKey, boolean sslRequired, WorkloadOptions workload,
    AlertOptions alerts) {
  /** A configuration without rules file and without TLS. */
  public ServerConfig(String listen, int port, int httpPort, Path dataDirectory,
      long memoryLimitBytes, long queryMemoryLimitBytes, int workerThreads, int maxConnections,
      String password, boolean loopbackTrust, long chunkCacheBytes) {
    this(listen, port, httpPort, dataDirectory, memoryLimitBytes, queryMemoryLimitBytes,
        workerThreads, maxConnections, password, loopbackTrust, chunkCacheBytes, null, null,
        null, false, WorkloadOptions.DEFAULTS, AlertOptions.NONE);
  }

  public ServerConfig withSecurity(Path rules, Path certificate, Path key, boolean required) {
    return new ServerConfig(listen, port, httpPort, dataDirectory, memoryLimitBytes,
        queryMemoryLimitBytes, workerThreads, maxConnections, password, loopbackTrust,
        chunkCacheBytes, rules, certificate, key, required, workload, alerts);
  }

  public ServerConfig withWorkload(WorkloadOptions options) {
    return new ServerConfig(listen, port, httpPort, dataDirectory, memoryLimitBytes,
        queryMemoryLimitBytes, workerThreads, maxConnections, password, loopbackTrust,
        chunkCacheBytes, hbaFile, sslCertificate, sslKey, sslRequired, options, alerts);
  }

  ServerConfig withAlerts(AlertOptions rules) {
    return new ServerConfig(listen, port, httpPort, dataDirectory, memoryLimitBytes,
        queryMemoryLimitBytes, workerThreads, maxConnections, password, loopbackTrust,
        chunkCacheBytes, hbaFile, sslCertificate, sslKey, sslRequired, workload, rules);
  }

  public static final String USER = EngineOptions.SUPERUSER;
  public static final String DATABASE = "exapg";
}
