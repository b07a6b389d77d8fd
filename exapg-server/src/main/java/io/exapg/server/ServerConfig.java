package io.exapg.server;

import io.exapg.planner.engine.EngineOptions;
import java.nio.file.Path;

/**
 * Everything a node is started with.
 *
 * @param memoryLimitBytes memory for all queries and buffers together
 * @param queryMemoryLimitBytes default budget of one query
 * @param password the password of user exapg for connections that must give one; null means
 *     such connections are refused
 * @param loopbackTrust whether clients on the loopback interface may connect without a password
 * @param chunkCacheBytes memory for recently read chunks; 0 for the default (an eighth of the
 *     heap, at most 1 GB)
 */
public record ServerConfig(String listen, int port, int httpPort, Path dataDirectory,
    long memoryLimitBytes, long queryMemoryLimitBytes, int workerThreads, int maxConnections,
    String password, boolean loopbackTrust, long chunkCacheBytes) {
  public static final String USER = EngineOptions.SUPERUSER;
  public static final String DATABASE = "exapg";
}
