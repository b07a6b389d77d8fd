package io.exapg.benchmarks;

import io.exapg.storage.io.DurableFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server from the Debian package, in a temporary cluster on a free
 * loopback port (run as user postgres when the benchmark runs as root), stopped at the end.
 */
final class PostgresEngine extends Engine {
  private final Path directory;
  private final Path bin;
  private final boolean asPostgresUser;
  private final Connection connection;

  private PostgresEngine(Path bin, Path directory, boolean asPostgresUser, int port)
      throws Exception {
    super("PostgreSQL");
    this.bin = bin;
    this.directory = directory;
    this.asPostgresUser = asPostgresUser;
    connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port
        + "/postgres", "postgres", "");
  }

  /** The newest installed PostgreSQL's bin directory, or null. */
  static Path findBinaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.exists(b.resolve("initdb")))
          .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getFileName()
              .toString().replaceAll("\\D", "0")))).orElse(null);
    }
  }

  static PostgresEngine start(int workers) throws Exception {
    Path bin = findBinaries();
    if (bin == null) {
      throw new IllegalStateException("PostgreSQL is not installed: sudo apt-get install"
          + " postgresql");
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    Path directory = Files.createTempDirectory("exapg-bench-pg-");
    if (root) {
      run(List.of("chown", "postgres", directory.toString()), false);
    }
    Path data = directory.resolve("data");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U",
        "postgres", "--no-sync"), root);
    String options = "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1"
        + " -c shared_buffers=2GB -c work_mem=512MB -c max_parallel_workers_per_gather="
        + workers + " -c max_worker_processes=8 -c fsync=on";
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options, "-l",
        directory.resolve("log").toString(), "-w", "start"), root);
    return new PostgresEngine(bin, directory, root, port);
  }

  private static void run(List<String> command, boolean asPostgres) throws Exception {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("command failed: " + full + "\n" + output);
    }
  }

  @Override
  Connection connection() {
    return connection;
  }

  /** The tables with their indexes and TOAST data, as PostgreSQL itself reports them. */
  @Override
  long sizeOnDisk() throws Exception {
    return Long.parseLong(query("SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
        + " AND c.relkind = 'r'").get(0));
  }

  @Override
  public void close() throws Exception {
    connection.close();
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(),
        "-m", "fast", "-w", "stop"), asPostgresUser);
    DurableFiles.deleteRecursively(directory);
  }
}
