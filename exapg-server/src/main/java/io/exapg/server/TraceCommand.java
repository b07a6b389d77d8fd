package io.exapg.server;

import picocli.CommandLine;

/** exapg trace: exports and analyses of a running node's traced statements. */
@CommandLine.Command(name = "trace", mixinStandardHelpOptions = true,
    description = "Exports a traced statement or analyses the node's recent statements.",
    subcommands = {TraceExportCommand.class, TraceAnalyzeCommand.class})
final class TraceCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
