package io.exapg.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ExaPG node in a separate JVM, started like bin/exapg start does, that tests may kill. */
final class ServerProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile(
      "ready to accept connections on 127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final int port;
  private final StringBuilder output;
  private final Thread reader;

  private ServerProcess(Process process, int port, StringBuilder output, Thread reader) {
    this.process = process;
    this.port = port;
    this.output = output;
    this.reader = reader;
  }

  static ServerProcess start(Path dataDirectory, String... options)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-opens") || argument.startsWith("--sun-misc")
          || argument.startsWith("--enable-native-access") || argument.startsWith("-Darrow")) {
        command.add(argument);
      }
    }
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of("start", "--port", "0", "--http-port", "0", "--data-dir",
        dataDirectory.toString(), "--workers", "2", "--memory-limit", "900MB"));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuilder output = new StringBuilder();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          synchronized (output) {
            output.append(line).append('\n');
          }
          Matcher matcher = READY.matcher(line);
          if (matcher.find()) {
            port.complete(Integer.parseInt(matcher.group(1)));
          }
        }
      } catch (IOException e) {
        port.completeExceptionally(e);
      }
      port.completeExceptionally(new IllegalStateException("server exited: " + output));
    }, "server-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ServerProcess(process, port.get(60, TimeUnit.SECONDS), output, reader);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("server did not start: " + output, e);
    }
  }

  int port() {
    return port;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/exapg",
        "exapg", "");
  }

  /** SIGKILL: no shutdown hook, no checkpoint, nothing flushed that was not already. */
  void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGHUP: read the configuration files again. */
  void hangUp() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start();
    kill.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM: the clean shutdown path. */
  int terminate() throws InterruptedException {
    process.toHandle().destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    reader.join(10_000);
    return process.exitValue();
  }

  String output() {
    synchronized (output) {
      return output.toString();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
