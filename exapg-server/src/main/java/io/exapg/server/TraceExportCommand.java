package io.exapg.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** exapg trace export: one traced statement as Chrome trace JSON or folded stacks. */
@CommandLine.Command(name = "export", mixinStandardHelpOptions = true,
    description = "Writes a traced statement (exapg.trace = on, or exa_trace_start) as Chrome"
        + " Trace Event JSON (chrome://tracing, Perfetto) or folded stacks (flame graphs).")
final class TraceExportCommand implements Callable<Integer> {
  @CommandLine.Mixin
  ClientOptions client;

  @CommandLine.Option(names = "--trace-id", required = true,
      description = "The statement's trace_id in exa_query_history.")
  long traceId;

  @CommandLine.Option(names = "--format", defaultValue = "chrome",
      description = "chrome or folded (default: ${DEFAULT-VALUE}).")
  String format;

  @CommandLine.Option(names = "--output", description = "File to write (default: standard"
      + " output).")
  Path output;

  @Override
  public Integer call() throws IOException {
    if (!format.equals("chrome") && !format.equals("folded")) {
      System.err.println("exapg trace export: --format is chrome or folded, not " + format);
      return 2;
    }
    String export;
    try (Connection connection = client.connect(); Statement statement =
        connection.createStatement(); ResultSet result = statement.executeQuery(
            "SELECT exa_trace_export(" + traceId + ", '" + format + "')")) {
      result.next();
      export = result.getString(1);
    } catch (SQLException e) {
      System.err.println("exapg trace export: " + e.getMessage());
      return 1;
    }
    if (export == null) {
      System.err.println("exapg trace export: statement " + traceId + " is not in the query"
          + " history with a trace (was it run with exapg.trace = on?)");
      return 1;
    }
    if (output == null) {
      System.out.print(export);
      System.out.flush();
    } else {
      Files.writeString(output, export, StandardCharsets.UTF_8);
    }
    return 0;
  }
}
