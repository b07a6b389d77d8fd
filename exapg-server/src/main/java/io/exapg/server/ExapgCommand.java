package io.exapg.server;

import picocli.CommandLine;

/** exapg: the ExaPG node binary. */
@CommandLine.Command(name = "exapg", mixinStandardHelpOptions = true,
    version = "ExaPG " + ExapgNode.VERSION,
    description = "ExaPG: a distributed columnar analytic SQL database speaking the PostgreSQL"
        + " protocol.",
    subcommands = {StartCommand.class, TraceCommand.class})
final class ExapgCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
