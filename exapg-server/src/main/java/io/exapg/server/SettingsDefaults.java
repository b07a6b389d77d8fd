package io.exapg.server;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Defaults of command-line options, in order: an environment variable (EXAPG_ and the option
 * name in capitals, e.g. EXAPG_HTTP_PORT), the config file (the option name without dashes,
 * e.g. http-port = 8432), then the built-in default.
 */
final class SettingsDefaults implements CommandLine.IDefaultValueProvider {
  static final Map<String, String> BUILT_IN = Map.ofEntries(
      Map.entry("listen", "127.0.0.1"),
      Map.entry("port", "5432"),
      Map.entry("http-port", "8432"),
      Map.entry("data-dir", "./data"),
      Map.entry("memory-limit", ""),
      Map.entry("query-memory-limit", ""),
      Map.entry("chunk-cache", ""),
      Map.entry("workers", ""),
      Map.entry("max-connections", "100"),
      Map.entry("query-history", "10000"),
      Map.entry("max-active-statements", "32"),
      Map.entry("trace-file-limit", "16MB"),
      Map.entry("trace-dir-limit", "256MB"),
      Map.entry("alert-slow-query", ""),
      Map.entry("alert-tier3-share", ""),
      Map.entry("alert-webhook", ""),
      Map.entry("password", ""),
      Map.entry("loopback-trust", "true"),
      Map.entry("hba-file", ""),
      Map.entry("ssl-cert", ""),
      Map.entry("ssl-key", ""),
      Map.entry("ssl-required", "false"));

  private final Map<String, String> environment;
  private final Properties file;

  SettingsDefaults(Map<String, String> environment, Properties file) {
    this.environment = environment;
    this.file = file;
  }

  @Override
  public String defaultValue(CommandLine.Model.ArgSpec argument) {
    if (!(argument instanceof CommandLine.Model.OptionSpec option)) {
      return null;
    }
    String name = option.longestName().replaceFirst("^--", "");
    if (!BUILT_IN.containsKey(name)) {
      return null;
    }
    String variable = "EXAPG_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    String value = environment.get(variable);
    if (value == null) {
      value = file.getProperty(name);
    }
    return value == null ? BUILT_IN.get(name) : value.trim();
  }
}
