package io.exapg.benchmarks.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exapg.server.ExapgNode;
import io.exapg.server.ServerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick part of the public sqllogictest corpus: files PostgreSQL 15 passes completely
 * (measured with bin/exapg bench slt), so ExaPG must pass every record too. The whole corpus
 * runs with bin/exapg bench slt; docs/sqllogictest.md has the figures.
 */
class SltQuickTest {
  private static final List<String> FILES = List.of("select1", "select2", "select3");

  @TempDir
  Path directory;

  @Test
  void passesWhatPostgresqlPasses() throws Exception {
    SltCorpus corpus = SltCorpus.open();
    StringWriter failures = new StringWriter();
    try (ExapgNode node = ExapgNode.start(new ServerConfig("127.0.0.1", 0, 0, directory,
            1L << 30, 1L << 29, 2, 10, null, true, 0));
        Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
            + node.port() + "/exapg", "exapg", "");
        PrintWriter log = new PrintWriter(failures)) {
      SltComparison comparison = new SltComparison(connection, null, 60, log);
      int records = 0;
      for (String file : corpus.files(FILES, 0)) {
        SltComparison.FileResult result = comparison.run(file, corpus.records(file));
        log.flush();
        assertEquals(result.records(), result.exapgPassed(), file + ":\n" + failures);
        records += result.records();
      }
      assertTrue(records > 5000, "the corpus was not read: " + records + " records");
    }
  }
}
