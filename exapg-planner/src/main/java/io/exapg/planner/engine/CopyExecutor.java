package io.exapg.planner.engine;

import io.exapg.core.batch.Batch;
import io.exapg.core.copy.CopyLoader;
import io.exapg.core.copy.CopyOptions;
import io.exapg.core.copy.CopyTextWriter;
import io.exapg.core.engine.CopyInSink;
import io.exapg.core.engine.CopyOutSource;
import io.exapg.core.engine.ResultColumn;
import io.exapg.core.engine.StatementResult;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.plan.PlanNode;
import io.exapg.core.table.TableWriter;
import io.exapg.core.type.DataType;
import io.exapg.planner.QueryPlanner;
import io.exapg.planner.parser.ExaParser;
import io.exapg.planner.parser.SqlCopy;
import io.exapg.planner.parser.StatementSplitter;
import io.exapg.planner.plan.PlanBuilder;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.Privilege;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.table.StorageTransaction;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

/** COPY ... FROM STDIN and COPY ... TO STDOUT for one session. */
final class CopyExecutor {
  private static final int PIECE_BYTES = 64 * 1024;

  private final SqlEngine engine;
  private final SqlSession session;

  CopyExecutor(SqlEngine engine, SqlSession session) {
    this.engine = engine;
    this.session = session;
  }

  StatementResult execute(SqlCopy copy, StatementSplitter.Piece piece) {
    if (!copy.endpoint.equals(copy.from ? "STDIN" : "STDOUT")) {
      throw ExaException.notSupported("COPY " + (copy.from ? "from" : "to") + " a file or"
          + " program on the server (use COPY ... " + (copy.from ? "FROM STDIN" : "TO STDOUT")
          + ", or psql's \\copy)");
    }
    return copy.from ? copyIn(copy) : copyOut(copy, piece);
  }

  /** The table's columns COPY names, or all of them, as indexes; 42703 or 42701 if wrong. */
  private static int[] targets(TableDef table, List<String> names) {
    if (names.isEmpty()) {
      int[] all = new int[table.columns().size()];
      for (int c = 0; c < all.length; c++) {
        all[c] = c;
      }
      return all;
    }
    int[] targets = new int[names.size()];
    for (int k = 0; k < names.size(); k++) {
      int index = table.columnIndex(names.get(k));
      if (index < 0) {
        throw new ExaException(SqlState.UNDEFINED_COLUMN, "column \"" + names.get(k)
            + "\" of relation \"" + table.name() + "\" does not exist");
      }
      if (names.subList(0, k).contains(names.get(k))) {
        throw new ExaException(SqlState.DUPLICATE_COLUMN,
            "column \"" + names.get(k) + "\" specified more than once");
      }
      targets[k] = index;
    }
    return targets;
  }

  private StatementResult copyIn(SqlCopy copy) {
    TableDef table = DdlExecutor.resolveTable(engine.storage().catalog(), session.searchPath(),
          copy.table);
    session.privileges().requireSchema(table.schema(), Privilege.USAGE);
    session.privileges().requireTable(table.id(), table.name(), Privilege.INSERT);
    int[] targets = targets(table, copy.columnNames());
    List<String> targetNames = new ArrayList<>();
    for (int target : targets) {
      targetNames.add(table.columns().get(target).name());
    }
    for (ColumnDef column : table.columns()) {
      if (column.defaultValue() != null && !targetNames.contains(column.name())) {
        throw ExaException.notSupported("COPY that leaves out column \"" + column.name()
            + "\", which has a DEFAULT (name every column)");
      }
    }
    CopyOptions options = CopyOptionParser.parse(copy.options, targetNames, true);
    List<String> names = table.columns().stream().map(ColumnDef::name).toList();
    boolean[] nullable = new boolean[names.size()];
    for (int c = 0; c < nullable.length; c++) {
      nullable[c] = table.columns().get(c).nullable();
    }
    StorageTransaction own = session.transaction() == null ? engine.storage().begin() : null;
    StorageTransaction transaction = own != null ? own : session.transaction();
    BufferAllocator allocator = engine.memory().newChildAllocator("copy",
        session.queryMemoryLimit());
    TableWriter writer;
    CopyLoader loader;
    try {
      writer = engine.storage().tableStore(transaction).openWriter(table.id(), null);
      loader = new CopyLoader(options, table.name(), names, table.columnTypes(), nullable,
          targets, writer, engine.workers(), allocator);
    } catch (RuntimeException e) {
      allocator.close();
      if (own != null) {
        own.rollback();
      }
      throw e;
    }
    return new StatementResult.CopyIn(targets.length, new CopyInSink() {
      private boolean ended;

      @Override
      public void write(ByteBuffer data) {
        loader.write(data);
      }

      @Override
      public long finish() {
        long rows = loader.finish();
        end();
        try {
          session.checkUniqueKeys(table.id(), transaction);
        } catch (RuntimeException e) {
          if (own != null) {
            own.rollback();
          } else {
            session.markFailed();
          }
          throw e;
        }
        if (own != null) {
          engine.storage().commit(own);
        }
        return rows;
      }

      @Override
      public void abort() {
        end();
        if (own != null) {
          own.rollback();
        } else {
          session.markFailed();
        }
      }

      private void end() {
        if (!ended) {
          ended = true;
          loader.close();
          allocator.close();
        }
      }
    });
  }

  /** Runs the query (or reads the table) and hands out its rows as COPY data. */
  private StatementResult copyOut(SqlCopy copy, StatementSplitter.Piece piece) {
    Supplier<SqlNode> parser;
    if (copy.query != null) {
      parser = () -> ((SqlCopy) ExaParser.parse(piece)).query;
    } else {
      TableDef table = DdlExecutor.resolveTable(engine.storage().catalog(), session.searchPath(),
          copy.table);
      int[] targets = targets(table, copy.columnNames());
      parser = () -> selectColumns(table, targets);
    }
    QueryPlanner.PreparedPlan plan = engine.planner().plan(parser, piece, List.of(),
        session.searchPath());
    session.privileges().check(plan.accesses());
    List<String> names = plan.columns().stream().map(ResultColumn::name).toList();
    CopyOptions options = CopyOptionParser.parse(copy.options, names, false);
    PlanNode root = new PlanBuilder(plan.rexBuilder(), plan.parameters(), new Object[0],
        session.statementContext()).build(plan.physical(), null);
    StatementResult.Rows rows = (StatementResult.Rows) session.run(root, plan.columns(),
        "COPY", List.of());
    List<DataType> types = rows.columns().stream().map(ResultColumn::type).toList();
    CopyTextWriter writer = new CopyTextWriter(options, types);
    if (options.header() != CopyOptions.Header.NONE) {
      writer.writeHeader(names);
    }
    return new StatementResult.CopyOut(types.size(), new CopyOutSource() {
      private long count;

      @Override
      public byte[] next() {
        while (writer.length() < PIECE_BYTES) {
          Batch batch = rows.stream().next();
          if (batch == null) {
            break;
          }
          writer.write(batch);
          count += batch.size();
        }
        return writer.length() == 0 ? null : writer.take();
      }

      @Override
      public long rowCount() {
        return count;
      }

      @Override
      public void close() {
        rows.stream().close();
      }
    });
  }

  private static SqlSelect selectColumns(TableDef table, int[] targets) {
    List<SqlNode> items = new ArrayList<>();
    for (int target : targets) {
      items.add(new SqlIdentifier(table.columns().get(target).name(), SqlParserPos.ZERO));
    }
    SqlIdentifier name = new SqlIdentifier(List.of(table.schema(), table.name()),
        SqlParserPos.ZERO);
    return new SqlSelect(SqlParserPos.ZERO, null, new SqlNodeList(items, SqlParserPos.ZERO),
        name, null, null, null, null, null, null, null, null, null);
  }
}
