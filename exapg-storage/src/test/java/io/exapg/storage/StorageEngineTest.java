package io.exapg.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exapg.core.batch.Batch;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.ExecutionPlan;
import io.exapg.core.exec.MaterializedRows;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.WorkerPool;
import io.exapg.core.expr.Call;
import io.exapg.core.expr.ColumnRef;
import io.exapg.core.expr.Function;
import io.exapg.core.expr.Literal;
import io.exapg.core.memory.MemoryManager;
import io.exapg.core.plan.AggregateCall;
import io.exapg.core.plan.AggregateFunction;
import io.exapg.core.plan.AggregateNode;
import io.exapg.core.plan.FilterNode;
import io.exapg.core.plan.GenerateSeriesNode;
import io.exapg.core.plan.InsertNode;
import io.exapg.core.plan.PlanNode;
import io.exapg.core.plan.ProjectNode;
import io.exapg.core.plan.ScanNode;
import io.exapg.core.plan.ScanPredicate;
import io.exapg.core.type.DataType;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.table.StorageTransaction;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes rows through the storage engine, restarts it, and reads them back with plans. */
class StorageEngineTest {
  private static MemoryManager memory;
  private static WorkerPool workers;

  @BeforeAll
  static void start() {
    memory = new MemoryManager(1L << 30);
    workers = new WorkerPool(2);
  }

  @AfterAll
  static void stop() {
    workers.close();
    memory.close();
  }

  private static long run(StorageEngine engine, PlanNode plan, boolean commit) {
    StorageTransaction transaction = engine.begin();
    try (QueryContext context = new QueryContext(memory.newChildAllocator("q", 1L << 28),
        new Object[0], engine.tableStore(transaction), workers);
        ExecutionPlan execution = ExecutionPlan.build(plan, context)) {
      execution.run();
      if (commit) {
        engine.commit(transaction);
      } else {
        transaction.rollback();
      }
      MaterializedRows rows = execution.result();
      if (rows == null) {
        return execution.modifiedRows();
      }
      Batch first = rows.chunk(0);
      return ((BigIntVector) first.column(0)).get(0);
    }
  }

  private static PlanNode insertSeries(TableDef table, long count) {
    GenerateSeriesNode series = new GenerateSeriesNode(new Literal(1L, DataType.BIGINT),
        new Literal(count, DataType.BIGINT), null, DataType.BIGINT);
    ColumnRef i = new ColumnRef(0, DataType.BIGINT);
    ProjectNode project = new ProjectNode(series, List.of(i,
        Call.of(Function.MODULO, DataType.BIGINT, i, new Literal(7L, DataType.BIGINT))));
    return new InsertNode(project, table.id(), table.name());
  }

  private static PlanNode sumWhere(TableDef table, long below) {
    ScanNode scan = new ScanNode(table.id(), table.name(), List.of(0, 1),
        List.of(DataType.BIGINT, DataType.BIGINT),
        List.of(new ScanPredicate(0, DataType.BIGINT, ScanPredicate.Op.LESS_THAN,
            List.of(new Literal(below, DataType.BIGINT)))));
    FilterNode filter = new FilterNode(scan, Call.of(Function.LESS_THAN, DataType.BOOLEAN,
        new ColumnRef(0, DataType.BIGINT), new Literal(below, DataType.BIGINT)));
    return new AggregateNode(filter, List.of(), List.of(
        new AggregateCall(AggregateFunction.SUM, 0, DataType.BIGINT, DataType.BIGINT, -1)));
  }

  @Test
  void rowsSurviveRestartAndScansPrune(@TempDir Path dir) {
    TableDef table;
    try (StorageEngine engine = StorageEngine.open(dir, StorageOptions.defaults())) {
      table = engine.createTable("public", "t", List.of(
          new ColumnDef("a", DataType.BIGINT, false), new ColumnDef("b", DataType.BIGINT, true)));
      assertEquals(2_000_000, run(engine, insertSeries(table, 2_000_000), true));
      assertEquals(10, run(engine, insertSeries(table, 10), true));
      assertEquals(5, run(engine, insertSeries(table, 5), false));
      assertEquals(2_000_000L * 2_000_001 / 2 + 55, run(engine, sumWhere(table, 3_000_000), true));
    }
    try (StorageEngine engine = StorageEngine.open(dir, StorageOptions.defaults())) {
      assertEquals(2_000_000L * 2_000_001 / 2 + 55, run(engine, sumWhere(table, 3_000_000), true));
      assertEquals(4950 + 55, run(engine, sumWhere(table, 100), true));
    }
  }

  @Test
  void secondOpenOfTheSameDirectoryIsRefused(@TempDir Path dir) {
    try (StorageEngine engine = StorageEngine.open(dir, StorageOptions.defaults())) {
      ExaException refused = assertThrows(ExaException.class,
          () -> StorageEngine.open(dir, StorageOptions.defaults()));
      assertEquals(SqlState.OBJECT_IN_USE, refused.state());
      assertNotNull(engine.catalog());
    }
    try (StorageEngine reopened = StorageEngine.open(dir, StorageOptions.defaults())) {
      assertNotNull(reopened.catalog());
    }
  }

  @Test
  void renamesAndCommentsSurviveRestartWithTheRows(@TempDir Path dir) {
    long id;
    try (StorageEngine engine = StorageEngine.open(dir, StorageOptions.defaults())) {
      TableDef table = engine.createTable("public", "t", List.of(
          new ColumnDef("a", DataType.BIGINT, false), new ColumnDef("b", DataType.BIGINT, true)));
      id = table.id();
      run(engine, insertSeries(table, 1_000), true);
      engine.catalog().setComment(id, "", "numbers");
      engine.catalog().setComment(id, "b", "a modulo 7");
      TableDef renamed = engine.renameColumn(engine.renameTable(table, "u"), "b", "rest");
      assertEquals("rest", renamed.columns().get(1).name());
      run(engine, insertSeries(renamed, 10), true);
    }
    try (StorageEngine engine = StorageEngine.open(dir, StorageOptions.defaults())) {
      TableDef table = engine.catalog().table("public", "u");
      assertEquals(id, table.id());
      assertNull(engine.catalog().table("public", "t"));
      assertEquals(List.of("a", "rest"), table.columns().stream().map(ColumnDef::name).toList());
      assertEquals("numbers", engine.catalog().comment(id, ""));
      assertEquals("a modulo 7", engine.catalog().comment(id, "rest"));
      assertNull(engine.catalog().comment(id, "b"));
      assertEquals(1_000L * 1_001 / 2 + 55, run(engine, sumWhere(table, 5_000), true));
      engine.dropTable(table);
      assertTrue(engine.catalog().comments().isEmpty());
    }
  }

  /** Runs an INSERT plan inside a transaction that stays open. */
  private static long insertIn(StorageEngine engine, StorageTransaction transaction,
      PlanNode plan) {
    try (QueryContext context = new QueryContext(memory.newChildAllocator("q", 1L << 28),
        new Object[0], engine.tableStore(transaction), workers);
        ExecutionPlan execution = ExecutionPlan.build(plan, context)) {
      execution.run();
      return execution.modifiedRows();
    }
  }

  private static List<ColumnDef> twoColumns() {
    return List.of(new ColumnDef("a", DataType.BIGINT, false),
        new ColumnDef("b", DataType.BIGINT, true));
  }

  @Test
  void blockCatalogChangesCommitWithItsRowsAndVanishWhenItCrashes(@TempDir Path dir) {
    TableDef made;
    long droppedId;
    try (StorageEngine engine = StorageEngine.open(dir, StorageOptions.defaults())) {
      TableDef old = engine.createTable("public", "old", twoColumns());
      droppedId = old.id();
      run(engine, insertSeries(old, 100), true);
      StorageTransaction block = engine.begin();
      engine.beginSchemaChange(block, () -> null);
      made = engine.createTable("public", "made", twoColumns(), null, List.of(), List.of(),
          block);
      assertEquals(1_000, insertIn(engine, block, insertSeries(made, 1_000)));
      engine.dropTable(old, block);
      assertTrue(dir.resolve("catalog/undo/id").toFile().exists());
      engine.commit(block);
      assertTrue(!dir.resolve("catalog/undo").toFile().exists());
    }
    TableDef doomed;
    try (StorageEngine engine = StorageEngine.open(dir, StorageOptions.defaults())) {
      assertNull(engine.catalog().table("public", "old"));
      assertTrue(!dir.resolve("tables/" + droppedId).toFile().exists());
      assertEquals(1_000L * 1_001 / 2, run(engine, sumWhere(made, 5_000), true));
      // A block left open by a crash: the engine is closed as a killed process leaves it.
      StorageTransaction block = engine.begin();
      engine.beginSchemaChange(block, () -> null);
      doomed = engine.createTable("public", "doomed", twoColumns(), null, List.of(),
          List.of(), block);
      insertIn(engine, block, insertSeries(doomed, 10));
      engine.dropTable(made, block);
      engine.renameTable(engine.catalog().table(doomed.id()), "renamed");
      engine.catalog().setComment(doomed.id(), "", "gone with the block");
    }
    try (StorageEngine engine = StorageEngine.open(dir, StorageOptions.defaults())) {
      assertNull(engine.catalog().table(doomed.id()));
      assertTrue(engine.catalog().comments().isEmpty());
      assertTrue(!dir.resolve("tables/" + doomed.id()).toFile().exists());
      assertEquals(made, engine.catalog().table("public", "made"));
      assertEquals(1_000L * 1_001 / 2, run(engine, sumWhere(made, 5_000), true));
      // A rolled back block: the same, without a restart.
      StorageTransaction block = engine.begin();
      engine.beginSchemaChange(block, () -> null);
      engine.dropTable(made, block);
      TableDef other = engine.createTable("public", "other", twoColumns(), null, List.of(),
          List.of(), block);
      block.rollback();
      assertNull(engine.catalog().table(other.id()));
      assertEquals(1_000L * 1_001 / 2, run(engine, sumWhere(made, 5_000), true));
      assertTrue(!dir.resolve("catalog/undo").toFile().exists());
    }
  }

  /** What a killed process leaves: the files as they are, copied while the engine runs. */
  private static Path crashCopy(Path from, Path to) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (java.nio.file.Files.isDirectory(file)) {
          java.nio.file.Files.createDirectories(target);
        } else {
          java.nio.file.Files.copy(file, target);
        }
      }
    }
    return to;
  }

  /**
   * Two compactions after the last checkpoint, the second merging the first's output again:
   * a restart must keep that output's file until a new manifest is durable, since a second
   * crash replays both again.
   */
  @Test
  void chainedCompactionsSurviveTwoCrashes(@TempDir Path dir) throws Exception {
    TableDef table;
    long expected = 0;
    Path first;
    try (StorageEngine engine = StorageEngine.open(dir.resolve("live"),
        StorageOptions.defaults())) {
      table = engine.createTable("public", "t", twoColumns());
      // small, small, large, small: the first compaction merges the first two, the second
      // merges its output with the last
      for (long rows : new long[] {300_000, 200_000, 600_000, 100_000}) {
        run(engine, insertSeries(table, rows), true);
        engine.checkpoint();
        expected += rows * (rows + 1) / 2;
      }
      assertTrue(engine.compact(table.id()) >= 4);
      first = crashCopy(dir.resolve("live"), dir.resolve("first"));
    }
    try (StorageEngine engine = StorageEngine.open(first, StorageOptions.defaults())) {
      assertEquals(expected, run(engine, sumWhere(table, 1_000_000), true));
      crashCopy(first, dir.resolve("second"));
    }
    try (StorageEngine engine = StorageEngine.open(dir.resolve("second"),
        StorageOptions.defaults())) {
      assertEquals(expected, run(engine, sumWhere(table, 1_000_000), true));
    }
  }
}
