package io.exapg.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine;

/** The exapg command line. */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) {
    configureLogging();
    Properties file = new Properties();
    String configPath = configPath(args);
    if (configPath != null) {
      try (Reader reader = Files.newBufferedReader(Path.of(configPath))) {
        file.load(reader);
      } catch (IOException e) {
        System.err.println("exapg: cannot read config file " + configPath + ": "
            + e.getMessage());
        System.exit(2);
      }
    }
    CommandLine commandLine = new CommandLine(new ExapgCommand())
        .setDefaultValueProvider(new SettingsDefaults(System.getenv(), file));
    System.exit(commandLine.execute(args));
  }

  /** The --config argument (or EXAPG_CONFIG), needed before the other options are read. */
  private static String configPath(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith("--config=")) {
        return args[i].substring("--config=".length());
      }
    }
    return System.getenv("EXAPG_CONFIG");
  }

  private static void configureLogging() {
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    setIfAbsent("org.slf4j.simpleLogger.log.org.apache.calcite", "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.org.apache.arrow", "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.io.netty", "warn");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
