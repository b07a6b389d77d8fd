package io.exapg.benchmarks;

import io.exapg.server.ExapgNode;
import io.exapg.server.ServerConfig;
import io.exapg.storage.io.DurableFiles;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;

/** ExaPG started in this JVM, queried over the PostgreSQL protocol on loopback. */
final class ExapgEngine extends Engine {
  private final Path directory;
  private final ExapgNode node;
  private final Connection connection;

  ExapgEngine(int workers) throws Exception {
    this(workers, 10);
  }

  ExapgEngine(int workers, int maxConnections) throws Exception {
    super("ExaPG");
    directory = Files.createTempDirectory("exapg-bench-");
    long memory = (long) (Runtime.getRuntime().maxMemory() * 0.7);
    node = ExapgNode.start(new ServerConfig("127.0.0.1", 0, 0, directory, memory, memory,
        workers, maxConnections, null, true, 0));
    connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + node.port()
        + "/exapg", "exapg", "");
  }

  @Override
  Connection connection() {
    return connection;
  }

  int port() {
    return node.port();
  }

  int httpPort() {
    return node.httpPort();
  }

  @Override
  long sizeOnDisk() throws Exception {
    return directorySize(directory);
  }

  static long directorySize(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      long bytes = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        bytes += Files.size(file);
      }
      return bytes;
    }
  }

  @Override
  long peakMemoryBytes() {
    long direct = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      direct += pool.getMemoryUsed();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + direct;
  }

  @Override
  public void close() throws Exception {
    connection.close();
    node.close();
    DurableFiles.deleteRecursively(directory);
  }
}
