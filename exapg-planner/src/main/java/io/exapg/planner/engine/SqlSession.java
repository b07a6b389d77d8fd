package io.exapg.planner.engine;

import io.exapg.core.engine.EngineSession;
import io.exapg.core.engine.ParsedStatement;
import io.exapg.core.engine.PreparedQuery;
import io.exapg.core.engine.ResultColumn;
import io.exapg.core.engine.SessionInfo;
import io.exapg.core.engine.StatementResult;
import io.exapg.core.engine.TransactionState;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.ExecutionPlan;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.expr.Call;
import io.exapg.core.expr.ColumnRef;
import io.exapg.core.expr.Expr;
import io.exapg.core.expr.Function;
import io.exapg.core.exec.MaterializedRows;
import io.exapg.core.plan.AnalyzeNode;
import io.exapg.core.plan.InsertNode;
import io.exapg.core.plan.UpdateNode;
import io.exapg.core.plan.PlanNode;
import io.exapg.core.plan.ProjectNode;
import io.exapg.core.plan.ScanNode;
import io.exapg.core.trace.TraceDetail;
import io.exapg.core.trace.TraceScope;
import io.exapg.core.type.Calendar;
import io.exapg.core.type.DataType;
import io.exapg.core.type.TextFormat;
import io.exapg.planner.QueryPlanner;
import io.exapg.planner.catalog.SearchPath;
import io.exapg.planner.catalog.pg.PgComments;
import io.exapg.planner.catalog.pg.PgDefinitions;
import io.exapg.planner.catalog.pg.PgOids;
import io.exapg.planner.catalog.pg.SessionActivity;
import io.exapg.planner.plan.CatalogTexts;
import io.exapg.planner.parser.ExaParser;
import io.exapg.planner.parser.SqlAlterColumns;
import io.exapg.planner.parser.SqlAlterOwner;
import io.exapg.planner.parser.SqlAlterRename;
import io.exapg.planner.parser.SqlAlterTableLayout;
import io.exapg.planner.parser.SqlCheckpoint;
import io.exapg.planner.parser.SqlCloseCursor;
import io.exapg.planner.parser.SqlComment;
import io.exapg.planner.parser.SqlCopy;
import io.exapg.planner.parser.SqlCreateIndex;
import io.exapg.planner.parser.SqlCreateTableStatement;
import io.exapg.planner.parser.SqlCreateViewStatement;
import io.exapg.planner.parser.SqlDeclareCursor;
import io.exapg.planner.parser.SqlDiscard;
import io.exapg.planner.parser.SqlDropStatement;
import io.exapg.planner.parser.SqlExplainStatement;
import io.exapg.planner.parser.SqlFetchCursor;
import io.exapg.planner.parser.SqlGrant;
import io.exapg.planner.parser.SqlRoleStatement;
import io.exapg.planner.parser.SqlSetVariable;
import io.exapg.planner.parser.SqlShowVariable;
import io.exapg.planner.parser.SqlTransactionControl;
import io.exapg.planner.parser.SqlTruncateTable;
import io.exapg.planner.parser.SqlVacuum;
import io.exapg.planner.parser.StatementSplitter;
import io.exapg.planner.plan.PlanBuilder;
import io.exapg.planner.plan.StatementContext;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.AccessControl;
import io.exapg.storage.catalog.IndexDef;
import io.exapg.storage.catalog.Privilege;
import io.exapg.storage.catalog.RoleDef;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.table.StorageTransaction;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.ddl.SqlCreateSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client session: its settings and transaction, and the execution of every kind of
 * statement. Statements outside BEGIN ... COMMIT run in a transaction of their own.
 */
final class SqlSession implements EngineSession {
  private static final Logger LOG = LoggerFactory.getLogger(SqlSession.class);
  /** Result batches a streamed query may produce ahead of the client. */
  private static final int STREAM_BATCHES = 4;

  private final SqlEngine engine;
  private final SessionInfo info;
  private final SessionSettings settings;
  private final List<String> notices = new ArrayList<>();
  private final Cursors cursors = new Cursors();
  /** Streamed results inside the transaction block, closed when it ends. */
  private final List<StreamingResultStream> openStreams = new ArrayList<>();
  private final String versionText;
  /** The privileges of the role the session acts as: its user's, or SET ROLE's. */
  private volatile Privileges privileges;
  private StorageTransaction transaction;
  /** The block's savepoints, oldest first (a name may repeat; the newest counts). */
  private final List<NamedSavepoint> savepoints = new ArrayList<>();
  private volatile boolean failed;
  /** What pg_stat_activity shows; times in microseconds since 1970 (UTC). */
  private final long backendStart = nowMicros();
  private volatile String activityState = "idle";
  /** Queries of this session open now; the first takes an admission slot, the last frees it. */
  private final AtomicInteger admittedQueries = new AtomicInteger();
  private final Set<QueryContext> admittedContexts = ConcurrentHashMap.newKeySet();
  private volatile boolean waitingForAdmission;
  private volatile boolean waitCanceled;
  private volatile String lastQuery = "";
  private volatile Long queryStart;
  private volatile Long blockStart;
  private volatile long stateChange = backendStart;
  private volatile QueryContext running;
  /** The statement being dispatched, which the query contexts made meanwhile report to. */
  private volatile StatementTrace tracing;
  /** Which statement each query context still running reports its I/O to. */
  private final Map<QueryContext, StatementTrace> contextTraces = new ConcurrentHashMap<>();
  /** The plan each running query context executes, for exapg.log_min_duration. */
  private final Map<QueryContext, PlanNode> contextPlans = new ConcurrentHashMap<>();

  SqlSession(SqlEngine engine, SessionInfo info) {
    this.engine = engine;
    this.info = info;
    this.versionText = engine.options().versionText();
    this.privileges = new Privileges(engine.storage().access(), engine.storage().catalog(),
        info.user());
    this.settings = new SessionSettings(info.user(), privileges.superuser(),
        engine.options().serverVersion(), engine.options().queryMemoryLimitBytes(),
        info.options());
  }

  // ---------------------------------------------------------------- parse and prepare

  @Override
  public List<ParsedStatement> parse(String sql) {
    try {
      List<ParsedStatement> statements = new ArrayList<>();
      for (StatementSplitter.Piece piece : StatementSplitter.split(sql)) {
        long start = System.nanoTime();
        SqlNode node = ExaParser.parse(piece);
        statements.add(new SqlStatement(piece, node, commandName(node),
            System.nanoTime() - start));
      }
      return statements;
    } catch (RuntimeException e) {
      throw rejected(sql, e);
    }
  }

  /**
   * A statement refused before it ran (syntax, names, types) goes to the history too, and
   * fails the transaction block it is in, as any error does in PostgreSQL.
   */
  private ExaException rejected(String text, RuntimeException e) {
    ExaException error = ExaException.wrap(e);
    markFailed();
    new StatementTrace(engine.queryLog(), info.processId(), info.user(), text, nowMicros())
        .failed(error, 0);
    return error;
  }

  private static String commandName(SqlNode node) {
    return switch (node) {
      case SqlTransactionControl control -> control.kind.name();
      case SqlSetVariable set -> set.form == SqlSetVariable.Form.SET
          || set.form == SqlSetVariable.Form.TRANSACTION_MODES
          || set.form == SqlSetVariable.Form.SESSION_TRANSACTION_MODES ? "SET" : "RESET";
      case SqlShowVariable show -> "SHOW";
      case SqlCreateTableStatement create -> "CREATE TABLE";
      case SqlDropStatement drop -> "DROP " + drop.target.name();
      case SqlCreateSchema create -> "CREATE SCHEMA";
      case SqlDeclareCursor declare -> "DECLARE CURSOR";
      case SqlFetchCursor fetch -> fetch.move ? "MOVE" : "FETCH";
      case SqlCloseCursor close -> "CLOSE CURSOR";
      case SqlCreateViewStatement create -> "CREATE VIEW";
      case SqlAlterTableLayout alter -> "ALTER TABLE";
      case SqlAlterRename rename -> rename.command();
      case SqlAlterOwner alter -> alter.command();
      case SqlComment comment -> "COMMENT";
      case SqlDiscard discard -> discard.command();
      case SqlTruncateTable truncate -> "TRUNCATE TABLE";
      case SqlCopy copy -> "COPY";
      case SqlCheckpoint checkpoint -> "CHECKPOINT";
      case SqlVacuum vacuum -> vacuum.compact ? "VACUUM" : "ANALYZE";
      case SqlExplainStatement explain -> "EXPLAIN";
      case SqlExplain explain -> "EXPLAIN";
      case SqlInsert insert -> "INSERT";
      case SqlRoleStatement role -> role.create ? "CREATE ROLE" : "ALTER ROLE";
      case SqlCreateIndex create -> "CREATE INDEX";
      case SqlGrant grant -> grant.revoke ? "REVOKE" : "GRANT";
      default -> node.getKind() == SqlKind.UPDATE ? "UPDATE"
          : node.getKind() == SqlKind.DELETE ? "DELETE"
          : node.getKind() == SqlKind.MERGE ? "MERGE"
          : node.getKind().belongsTo(SqlKind.QUERY) ? "SELECT"
          : node.getKind().name().replace('_', ' ');
    };
  }

  @Override
  public PreparedQuery prepare(ParsedStatement parsed, List<DataType> declaredTypes) {
    SqlStatement statement = (SqlStatement) parsed;
    long start = System.nanoTime();
    try {
      SqlPreparedQuery prepared = prepareStatement(statement, declaredTypes);
      prepared.planned(statement.parseNanos(), System.nanoTime() - start);
      return prepared;
    } catch (RuntimeException e) {
      throw rejected(statement.piece().text(), e);
    }
  }

  private SqlPreparedQuery prepareStatement(SqlStatement statement,
      List<DataType> declaredTypes) {
    SqlNode node = statement.node();
    if (failed && !(node instanceof SqlTransactionControl)) {
      throw abortedTransaction();
    }
    return switch (node) {
      case SqlFetchCursor fetch when !fetch.move -> new SqlPreparedQuery(statement,
          declaredTypes, null, cursors.get(fetch.name.getSimple()).columns());
      case SqlSelect select when NodeCalls.call(select) != null -> new SqlPreparedQuery(
          statement, declaredTypes, null, List.of(new ResultColumn(
              NodeCalls.name(NodeCalls.call(select)), DataType.TEXT)));
      case SqlShowVariable show -> new SqlPreparedQuery(statement, declaredTypes, null,
          show.name.equals("all")
              ? List.of(new ResultColumn("name", DataType.TEXT),
                  new ResultColumn("setting", DataType.TEXT),
                  new ResultColumn("description", DataType.TEXT))
              : List.of(new ResultColumn(show.name, DataType.TEXT)));
      case SqlExplainStatement explain -> {
        QueryPlanner.PreparedPlan plan = plan(statement, declaredTypes,
            () -> ((SqlExplainStatement) ExaParser.parse(statement.piece())).statement);
        yield new SqlPreparedQuery(statement, declaredTypes, plan,
            List.of(new ResultColumn("QUERY PLAN", DataType.TEXT)));
      }
      case SqlExplain explain -> {
        QueryPlanner.PreparedPlan plan = plan(statement, declaredTypes,
            () -> ((SqlExplain) ExaParser.parse(statement.piece())).getExplicandum());
        yield new SqlPreparedQuery(statement, declaredTypes, plan,
            List.of(new ResultColumn("QUERY PLAN", DataType.TEXT)));
      }
      case SqlInsert insert -> new SqlPreparedQuery(statement, declaredTypes,
          plan(statement, declaredTypes, () -> ExaParser.parse(statement.piece())), null);
      case SqlDelete delete -> new SqlPreparedQuery(statement, declaredTypes,
          plan(statement, declaredTypes, () -> ExaParser.parse(statement.piece())), null);
      case SqlUpdate update -> new SqlPreparedQuery(statement, declaredTypes,
          plan(statement, declaredTypes, () -> ExaParser.parse(statement.piece())), null);
      default -> {
        if (isQuery(node)) {
          QueryPlanner.PreparedPlan plan = plan(statement, declaredTypes,
              () -> ExaParser.parse(statement.piece()));
          yield new SqlPreparedQuery(statement, declaredTypes, plan, plan.columns());
        }
        if (!statement.piece().parameters().isEmpty()) {
          throw new ExaException(SqlState.SYNTAX_ERROR,
              "parameters are not allowed in " + statement.commandName() + " statements");
        }
        yield new SqlPreparedQuery(statement, declaredTypes, null, null);
      }
    };
  }

  private static boolean isQuery(SqlNode node) {
    return node.getKind().belongsTo(SqlKind.QUERY);
  }

  private QueryPlanner.PreparedPlan plan(SqlStatement statement, List<DataType> declaredTypes,
      Supplier<SqlNode> parser) {
    return engine.planner().plan(parser, statement.piece(), declaredTypes, searchPath());
  }

  // ---------------------------------------------------------------- execution

  @Override
  public StatementResult execute(PreparedQuery prepared, List<Object> parameters) {
    return execute(prepared, parameters, false);
  }

  @Override
  public StatementResult execute(PreparedQuery prepared, List<Object> parameters,
      boolean incremental) {
    SqlPreparedQuery query = (SqlPreparedQuery) prepared;
    SqlNode node = query.statement().node();
    if (failed && !(node instanceof SqlTransactionControl)) {
      throw abortedTransaction();
    }
    lastQuery = query.statement().piece().text();
    queryStart = nowMicros();
    stateChange = queryStart;
    activityState = "active";
    StatementTrace trace = new StatementTrace(engine.queryLog(), info.processId(),
        info.user(), lastQuery, queryStart);
    tracing = trace;
    TraceScope scope = engine.queryLog().traceScope();
    List<TraceDetail.Phase> planPhases = query.takePlanPhases();
    if (settings.get("exapg.trace").equals("on")) {
      trace.detailed(planPhases, null);
    } else if (scope != null && scope.covers(info.user(), info.database())) {
      trace.detailed(planPhases, scope);
    }
    try {
      StatementResult result = dispatch(query, node, parameters, incremental);
      trace.dispatched();
      return trace.follow(result);
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
      if (transaction != null) {
        failed = true;
      }
      ExaException error = ExaException.wrap(e);
      trace.failed(error, 0);
      throw error;
    } finally {
      tracing = null;
      blockStart = transaction == null ? null : blockStart == null ? queryStart : blockStart;
      activityState = transaction == null ? "idle" : failed ? "idle in transaction (aborted)"
          : "idle in transaction";
      stateChange = nowMicros();
    }
  }

  /** This session as pg_stat_activity shows it. */
  SessionActivity activity() {
    String state = activityState;
    Long started = queryStart;
    Long block = blockStart;
    StatementTrace trace = tracing;
    RoleDef sessionUser = engine.storage().access().role(info.user());
    return new SessionActivity(info.processId(), info.user(),
        sessionUser == null ? 0 : sessionUser.oid(),
        info.database(), info.clientAddress(), settings.get("application_name"), backendStart,
        block != null ? block : state.equals("active") ? started : null, started, stateChange,
        waitingForAdmission ? "Admission" : null,
        waitingForAdmission ? "ActiveStatementSlot" : null, state,
        trace == null ? null : trace.traceId(), lastQuery);
  }

  private static long nowMicros() {
    return Calendar.micros(Instant.now());
  }

  private record NamedSavepoint(String name, StorageEngine.Savepoint point) {
  }

  private static ExaException abortedTransaction() {
    return new ExaException(SqlState.IN_FAILED_SQL_TRANSACTION,
        "current transaction is aborted, commands ignored until end of transaction block");
  }

  private StatementResult dispatch(SqlPreparedQuery query, SqlNode node,
      List<Object> parameters, boolean incremental) {
    return switch (node) {
      case SqlTransactionControl control -> transactionControl(control);
      case SqlSetVariable set -> setVariable(set);
      case SqlShowVariable show -> show(show);
      case SqlCreateTableStatement create -> changingCatalog(() ->
          new DdlExecutor(engine, this).createTable(create, query.statement().piece()));
      case SqlDropStatement drop -> changingCatalog(() -> {
        DdlExecutor ddl = new DdlExecutor(engine, this);
        return switch (drop.target) {
          case TABLE -> ddl.dropTable(drop);
          case VIEW -> ddl.dropView(drop);
          case SCHEMA -> ddl.dropSchema(drop);
          case ROLE -> new AccessExecutor(engine, this).dropRoles(drop);
          case INDEX -> ddl.dropIndex(drop);
        };
      });
      case SqlCreateIndex create -> changingCatalog(() ->
          new DdlExecutor(engine, this).createIndex(create));
      case SqlRoleStatement role -> changingCatalog(() -> {
        AccessExecutor executor = new AccessExecutor(engine, this);
        return role.create ? executor.createRole(role) : executor.alterRole(role);
      });
      case SqlGrant grant -> changingCatalog(() -> new AccessExecutor(engine, this).grant(grant));
      case SqlCreateSchema create -> changingCatalog(() ->
          new DdlExecutor(engine, this).createSchema(create));
      case SqlDeclareCursor declare -> declareCursor(declare, query.statement());
      case SqlFetchCursor fetch -> fetchCursor(fetch);
      case SqlCloseCursor close -> {
        if (close.name == null) {
          cursors.closeAll();
        } else {
          cursors.close(close.name.getSimple());
        }
        yield new StatementResult.Command("CLOSE CURSOR" + (close.name == null ? " ALL" : ""));
      }
      case SqlCreateViewStatement create -> changingCatalog(() ->
          new DdlExecutor(engine, this).createView(create, query.statement().piece()));
      case SqlAlterTableLayout alter -> {
        requireNoTransactionBlock("ALTER TABLE");
        yield changingCatalog(() -> new DdlExecutor(engine, this).alterTable(alter));
      }
      case SqlAlterColumns alter -> atomically(() -> changingCatalog(() ->
          new ColumnAlteration(engine, this).execute(alter, query.statement().piece())));
      case SqlAlterRename rename -> changingCatalog(() ->
          new DdlExecutor(engine, this).rename(rename));
      case SqlAlterOwner alter -> changingCatalog(() ->
          new AccessExecutor(engine, this).changeOwner(alter));
      case SqlComment comment -> changingCatalog(() ->
          new DdlExecutor(engine, this).comment(comment));
      case SqlDiscard discard -> discard(discard);
      case SqlTruncateTable truncate -> truncate(truncate);
      case SqlVacuum vacuum -> {
        String command = vacuum.compact ? "VACUUM" : "ANALYZE";
        requireNoTransactionBlock(command);
        List<Long> ids = new ArrayList<>();
        for (SqlIdentifier name : vacuum.tableNames()) {
          TableDef table = DdlExecutor.resolveTable(engine.storage().catalog(), searchPath(),
              name);
          if (engine.storage().access().isOwner(privileges.role(), table.id())) {
            ids.add(table.id());
          } else {
            notice("permission denied to " + command.toLowerCase(Locale.ROOT) + " \""
                + table.name() + "\", skipping it");
          }
        }
        if (vacuum.tableNames().isEmpty()) {
          for (long id : engine.storage().tableIds()) {
            if (engine.storage().access().isOwner(privileges.role(), id)) {
              ids.add(id);
            }
          }
        }
        for (long id : ids) {
          if (vacuum.compact) {
            engine.storage().compact(id);
          }
          if (vacuum.analyze) {
            analyze(id);
          }
        }
        yield new StatementResult.Command(command);
      }
      case SqlCheckpoint checkpoint -> {
        requireNoTransactionBlock("CHECKPOINT");
        privileges.requireSuperuser("must be superuser to do CHECKPOINT");
        engine.storage().checkpoint();
        yield new StatementResult.Command("CHECKPOINT");
      }
      case SqlCopy copy -> new CopyExecutor(engine, this).execute(copy,
          query.statement().piece());
      case SqlExplainStatement explain -> explain(query, parameters,
          explain.isEnabled("ANALYZE"));
      case SqlExplain explain -> explain(query, parameters, false);
      case SqlSelect select when NodeCalls.call(select) != null ->
          nodeCall(NodeCalls.call(select));
      default -> {
        if (node instanceof SqlInsert || node instanceof SqlDelete
            || node instanceof SqlUpdate || isQuery(node)) {
          yield runPlanned(query, parameters, incremental && isQuery(node));
        }
        throw ExaException.notSupported(query.statement().commandName());
      }
    };
  }

  /** Replaces a table's statistics by those of a scan of all its rows. */
  private void analyze(long tableId) {
    TableDef table = engine.storage().catalog().table(tableId);
    if (table == null) {
      return;
    }
    List<Integer> columns = new ArrayList<>();
    for (int c = 0; c < table.columns().size(); c++) {
      columns.add(c);
    }
    PlanNode plan = new AnalyzeNode(new ScanNode(table.id(), table.qualifiedName(), columns,
        table.columnTypes(), List.of()), table.qualifiedName());
    StorageTransaction snapshot = engine.storage().begin();
    try (QueryContext context = new QueryContext(engine.memory().newChildAllocator("analyze",
        engine.options().queryMemoryLimitBytes()), new Object[0],
        engine.storage().tableStore(snapshot), engine.workers());
        ExecutionPlan execution = ExecutionPlan.build(plan, context)) {
      execution.run();
      engine.storage().statistics().replace(tableId, execution.analyzed());
    } finally {
      snapshot.rollback();
    }
  }

  /**
   * Runs a statement that changes the catalog under the storage engine's schema lock: inside a
   * transaction block, the block takes the lock until it ends and its catalog changes are
   * undone if it does not commit; otherwise the statement holds it while it runs.
   */
  private StatementResult changingCatalog(Supplier<StatementResult> statement) {
    waitCanceled = false;
    Supplier<ExaException> canceled = waitLimit();
    if (transaction != null) {
      engine.storage().beginSchemaChange(transaction, canceled);
      return statement.get();
    }
    engine.storage().lockSchema(canceled);
    try {
      return statement.get();
    } finally {
      engine.storage().unlockSchema();
    }
  }

  /**
   * Runs a statement that changes several things inside a transaction block: the session's, or
   * outside one, a block of its own that commits when the statement succeeds and rolls back,
   * catalog changes included, when it fails.
   */
  private StatementResult atomically(Supplier<StatementResult> statement) {
    if (transaction != null) {
      return statement.get();
    }
    transaction = engine.storage().begin();
    try {
      StatementResult result = statement.get();
      StorageTransaction finishing = transaction;
      transaction = null;
      engine.storage().commit(finishing);
      return result;
    } finally {
      if (transaction != null) {
        transaction.rollback();
        transaction = null;
      }
    }
  }

  /** While the session waits (for a slot, a lock): why to stop waiting, or null to go on. */
  private Supplier<ExaException> waitLimit() {
    long timeout = SessionSettings.parseDuration("statement_timeout",
        settings.get("statement_timeout"));
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
    return () -> waitCanceled ? QueryContext.userCancel()
        : timeout > 0 && System.nanoTime() - deadline > 0
            ? new ExaException(SqlState.QUERY_CANCELED,
                "canceling statement due to statement timeout")
            : null;
  }

  private void requireNoTransactionBlock(String command) {
    if (transaction != null) {
      throw new ExaException(SqlState.ACTIVE_SQL_TRANSACTION,
          command + " inside a transaction block is not supported yet: run it outside"
              + " BEGIN ... COMMIT");
    }
  }

  void notice(String message) {
    notices.add(message);
  }

  Privileges privileges() {
    return privileges;
  }

  /** current_user: the session user, or the role SET ROLE chose. */
  String user() {
    return privileges.user();
  }

  /** session_user: who connected. */
  String sessionUser() {
    return info.user();
  }

  String database() {
    return info.database();
  }

  /** How CREATE / ALTER ROLE store new passwords: scram-sha-256 or md5. */
  String passwordEncryption() {
    return settings.get("password_encryption");
  }

  /** Records the session user as the owner of an object it just created. */
  void becomeOwner(long objectId) {
    long role = privileges.role();
    if (role >= 0 && role != engine.storage().access().owner(objectId)) {
      engine.storage().access().setOwner(objectId, role);
    }
  }

  /** The transaction of the session's BEGIN ... COMMIT block, or null outside one. */
  StorageTransaction transaction() {
    return transaction;
  }

  /**
   * Fails with 23505 when rows written in the transaction broke a unique key of the table: a
   * query for a duplicated key, which sees the transaction's own writes.
   */
  void checkUniqueKeys(long tableId, StorageTransaction current) {
    TableDef table = engine.storage().catalog().table(tableId);
    if (table == null) {
      return;
    }
    for (IndexDef key : table.uniqueKeys()) {
      String duplicate = duplicateKey(table, key, current);
      if (duplicate != null) {
        throw new ExaException(SqlState.UNIQUE_VIOLATION, "duplicate key value violates"
            + " unique constraint \"" + key.name() + "\"", 0, "Key ("
            + String.join(", ", key.columns()) + ")=(" + duplicate + ") already exists.", null,
            null);
      }
    }
  }

  /** A key the table holds twice (as text), as the transaction sees it; null when none. */
  String duplicateKey(TableDef table, IndexDef key, StorageTransaction current) {
    StatementSplitter.Piece piece = StatementSplitter.split(
        UniqueKeyQuery.duplicates(table, key)).get(0);
    QueryPlanner.PreparedPlan plan = engine.planner().plan(() -> ExaParser.parse(piece),
        piece, List.of(), new SearchPath(List.of(table.schema())));
    PlanNode root = new PlanBuilder(plan.rexBuilder(), plan.parameters(), new Object[0],
        statementContext()).build(plan.physical());
    QueryContext context = newContext(root, List.of(), current);
    try (ExecutionPlan execution = ExecutionPlan.build(root, context)) {
      execution.run();
      MaterializedRows rows = execution.result();
      return rows.chunkCount() == 0 ? null
          : String.valueOf(rows.chunk(0).column(0).getObject(0));
    } finally {
      finished(context);
    }
  }

  /** Fails the session's transaction block after an error outside {@link #execute}. */
  void markFailed() {
    if (transaction != null) {
      failed = true;
    }
  }

  long queryMemoryLimit() {
    return Long.parseLong(settings.get("exapg.query_memory_limit"));
  }

  private StatementResult transactionControl(SqlTransactionControl control) {
    if (control.kind != SqlTransactionControl.Kind.SAVEPOINT
        && control.kind != SqlTransactionControl.Kind.RELEASE
        && control.kind != SqlTransactionControl.Kind.ROLLBACK_TO) {
      savepoints.clear();
    }
    switch (control.kind) {
      case SAVEPOINT:
      case RELEASE:
      case ROLLBACK_TO:
        return savepoint(control);
      case BEGIN:
        if (transaction != null) {
          notice("there is already a transaction in progress");
        } else {
          transaction = engine.storage().begin();
          failed = false;
          settings.beginTransaction();
        }
        return new StatementResult.Command("BEGIN");
      case COMMIT:
        if (transaction == null) {
          notice("there is no transaction in progress");
          return new StatementResult.Command("COMMIT");
        }
        closeOpenStreams();
        StorageTransaction finishing = transaction;
        boolean wasFailed = failed;
        transaction = null;
        failed = false;
        if (wasFailed) {
          cursors.endTransaction(false);
          endSettings(false);
          finishing.rollback();
          return new StatementResult.Command("ROLLBACK");
        }
        try {
          engine.storage().commit(finishing);
        } catch (RuntimeException e) {
          cursors.endTransaction(false);
          endSettings(false);
          throw e;
        }
        cursors.endTransaction(true);
        endSettings(true);
        return new StatementResult.Command("COMMIT");
      default:
        if (transaction == null) {
          notice("there is no transaction in progress");
        } else {
          closeOpenStreams();
          cursors.endTransaction(false);
          endSettings(false);
          transaction.rollback();
        }
        transaction = null;
        failed = false;
        return new StatementResult.Command("ROLLBACK");
    }
  }

  /**
   * SAVEPOINT, RELEASE SAVEPOINT and ROLLBACK TO SAVEPOINT inside a transaction block.
   * ROLLBACK TO undoes the block's row and catalog changes since the savepoint (keeping the
   * savepoint) and makes a failed block usable again; SET since then stays, unlike in
   * PostgreSQL.
   */
  private StatementResult savepoint(SqlTransactionControl control) {
    String command = switch (control.kind) {
      case SAVEPOINT -> "SAVEPOINT";
      case RELEASE -> "RELEASE SAVEPOINT";
      default -> "ROLLBACK TO SAVEPOINT";
    };
    if (transaction == null) {
      throw new ExaException(SqlState.NO_ACTIVE_SQL_TRANSACTION,
          command + " can only be used in transaction blocks");
    }
    if (control.kind == SqlTransactionControl.Kind.SAVEPOINT) {
      if (failed) {
        throw abortedTransaction();
      }
      savepoints.add(new NamedSavepoint(control.savepoint,
          engine.storage().savepoint(transaction)));
      return new StatementResult.Command("SAVEPOINT");
    }
    int at = savepoints.size() - 1;
    while (at >= 0 && !savepoints.get(at).name().equals(control.savepoint)) {
      at--;
    }
    if (at < 0) {
      throw new ExaException(SqlState.INVALID_SAVEPOINT_SPECIFICATION,
          "savepoint \"" + control.savepoint + "\" does not exist");
    }
    if (control.kind == SqlTransactionControl.Kind.RELEASE) {
      if (failed) {
        throw abortedTransaction();
      }
      savepoints.subList(at, savepoints.size()).clear();
      return new StatementResult.Command("RELEASE");
    }
    engine.storage().rollbackTo(transaction, savepoints.get(at).point());
    savepoints.subList(at + 1, savepoints.size()).clear();
    failed = false;
    return new StatementResult.Command("ROLLBACK");
  }

  /**
   * DISCARD ALL closes the cursors and resets every setting and the role, as at the start of
   * the session (the wire protocol layer drops the prepared statements on seeing its tag).
   * ExaPG caches no plans per session and has no sequences or temporary tables, so the other
   * forms have nothing to drop.
   */
  private StatementResult discard(SqlDiscard discard) {
    if (discard.what == SqlDiscard.What.ALL) {
      if (transaction != null) {
        throw new ExaException(SqlState.ACTIVE_SQL_TRANSACTION,
            "DISCARD ALL cannot run inside a transaction block");
      }
      cursors.closeAll();
      settings.resetAll();
      setRole("none", false);
    }
    return new StatementResult.Command(discard.command());
  }

  private StatementResult setVariable(SqlSetVariable set) {
    switch (set.form) {
      case SET -> {
        if (set.local && transaction == null) {
          // PostgreSQL says so as a WARNING; ExaPG's messages to clients are notices
          notice("SET LOCAL can only be used in transaction blocks");
          return new StatementResult.Command("SET");
        }
        if (set.name.equalsIgnoreCase("role")) {
          setRole(set.values.isEmpty() ? "none" : set.values.get(0), set.local);
        } else if (set.values.isEmpty() && !set.local) {
          settings.reset(set.name);
        } else if (set.local) {
          settings.setLocal(set.name, set.values.isEmpty() ? settings.defaultValue(set.name)
              : String.join(", ", set.values));
        } else {
          settings.set(set.name, String.join(", ", set.values));
        }
        return new StatementResult.Command("SET");
      }
      case RESET -> {
        if (set.name.equalsIgnoreCase("role")) {
          setRole("none", false);
        } else {
          settings.reset(set.name);
        }
        return new StatementResult.Command("RESET");
      }
      case RESET_ALL -> {
        settings.resetAll();
        setRole("none", false);
        return new StatementResult.Command("RESET");
      }
      default -> {
        for (String mode : set.values) {
          if (!mode.startsWith("ISOLATION LEVEL ")) {
            continue;
          }
          String level = mode.substring("ISOLATION LEVEL ".length());
          if (set.form == SqlSetVariable.Form.SESSION_TRANSACTION_MODES) {
            settings.set("default_transaction_isolation", level);
          } else {
            // SET TRANSACTION: this transaction only
            settings.setLocal("transaction_isolation", level);
          }
        }
        return new StatementResult.Command("SET");
      }
    }
  }

  /**
   * SET ROLE: the session acts as another role, whose privileges it then has, which its user
   * must be a member of (superusers may take any); NONE goes back to the session user.
   */
  private void setRole(String name, boolean local) {
    AccessControl access = engine.storage().access();
    Privileges own = new Privileges(access, engine.storage().catalog(), info.user());
    if (name.equalsIgnoreCase("none")) {
      privileges = own;
      settings.setRole("none", own.superuser(), local);
      return;
    }
    RoleDef role = access.role(name);
    if (role == null) {
      // as PostgreSQL: an invalid value of the parameter role
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "role \"" + name + "\" does not exist");
    }
    if (!own.superuser() && !access.isMemberOf(own.role(), role.oid())) {
      throw new ExaException(SqlState.INSUFFICIENT_PRIVILEGE,
          "permission denied to set role \"" + name + "\"");
    }
    privileges = new Privileges(access, engine.storage().catalog(), role.name());
    settings.setRole(role.name(), access.isSuperuser(role.oid()), local);
  }

  /**
   * The end of a transaction block for the settings: ROLLBACK undoes SET, both undo SET LOCAL;
   * the session then acts as the role the settings name again.
   */
  private void endSettings(boolean committed) {
    settings.endTransaction(committed);
    String role = settings.get("role");
    privileges = new Privileges(engine.storage().access(), engine.storage().catalog(),
        role.equals("none") ? info.user() : role);
  }

  /**
   * SELECT exa_statement_stats_reset() (forgets the statement figures, answers when),
   * exa_trace_start(...) and exa_trace_stop() (switch node-wide tracing, answer what is
   * traced now), pg_reload_conf() (reads the node's configuration files again, answers t;
   * what could not be read is a warning, and the previous configuration stays); superusers
   * only.
   */
  private StatementResult nodeCall(SqlCall call) {
    String name = NodeCalls.name(call);
    if (!engine.storage().access().isSuperuser(privileges.role())) {
      throw new ExaException(SqlState.INSUFFICIENT_PRIVILEGE,
          "permission denied for function " + name);
    }
    String answer;
    switch (name) {
      case NodeCalls.STATEMENT_STATS_RESET -> answer = TextFormat.toText(
          engine.queryLog().resetStatements(nowMicros()), DataType.TIMESTAMP);
      case NodeCalls.TRACE_START -> {
        TraceScope scope = NodeCalls.scope(call);
        engine.queryLog().traceScope(scope);
        LOG.info("{} started by {}", scope.describe(), info.user());
        answer = scope.describe();
      }
      case NodeCalls.RELOAD_CONF -> {
        if (call.operandCount() > 0) {
          throw new ExaException(SqlState.UNDEFINED_FUNCTION,
              "function pg_reload_conf takes no arguments");
        }
        String problem = engine.reloadConfiguration();
        LOG.info("configuration reloaded by {}{}", info.user(),
            problem == null ? "" : ": " + problem);
        if (problem != null) {
          notices.add(problem);
        }
        answer = "t";
      }
      default -> {
        if (call.operandCount() > 0) {
          throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
              "exa_trace_stop takes no arguments");
        }
        engine.queryLog().traceScope(null);
        LOG.info("node-wide tracing stopped by {}", info.user());
        answer = "tracing stopped";
      }
    }
    return new StatementResult.Rows(List.of(new ResultColumn(name, DataType.TEXT)),
        TextRows.stream(List.of(List.of(answer)), 1, engine.memory()), "SELECT");
  }

  private StatementResult show(SqlShowVariable show) {
    List<List<String>> rows = new ArrayList<>();
    List<ResultColumn> columns;
    if (show.name.equals("all")) {
      columns = List.of(new ResultColumn("name", DataType.TEXT),
          new ResultColumn("setting", DataType.TEXT),
          new ResultColumn("description", DataType.TEXT));
      for (Map.Entry<String, String[]> entry : settings.all().entrySet()) {
        rows.add(List.of(entry.getKey(), entry.getValue()[0], entry.getValue()[1]));
      }
    } else {
      columns = List.of(new ResultColumn(show.name, DataType.TEXT));
      rows.add(List.of(settings.get(show.name)));
    }
    return new StatementResult.Rows(columns,
        TextRows.stream(rows, columns.size(), engine.memory()), "SHOW");
  }

  /** Where the session's unqualified names are looked up now. */
  SearchPath searchPath() {
    return SearchPath.of(settings.get("search_path"), user(), engine.storage().catalog());
  }

  /** What session functions (now(), current_user, current_schema, ...) return. */
  StatementContext statementContext() {
    SearchPath path = searchPath();
    return new StatementContext(statementMicros(), user(), info.user(), info.database(),
        path.schemas(), versionText,
        () -> PgOids.visibleRelations(engine.storage().catalog(), path.schemas()),
        () -> new CatalogTexts(PgDefinitions.roleNames(engine.storage().access()),
            PgDefinitions.indexDefinitions(engine.storage(), path.schemas()),
            PgDefinitions.constraintDefinitions(engine.storage()),
            PgDefinitions.relationKinds(engine.storage().catalog()),
            PgDefinitions.indexColumns(engine.storage().catalog()),
            PgDefinitions.relationSizes(engine.storage()),
            PgDefinitions.viewDefinitions(engine.storage().catalog()),
            PgDefinitions.relationNames(engine.storage().catalog(), false),
            PgDefinitions.relationNames(engine.storage().catalog(), true),
            PgComments.of(engine.storage().catalog())),
        new SessionCatalogLookup(settings, engine.storage().access(), engine.storage().catalog(),
            path, privileges.role(), info.processId()), engine.queryLog());
  }

  /** The current time in the session's time zone, as a timestamp without time zone. */
  private long statementMicros() {
    Instant now = Instant.now();
    LocalDateTime local = LocalDateTime.ofInstant(now, ZoneId.of(settings.get("timezone")));
    return local.toEpochSecond(ZoneOffset.UTC) * Calendar.MICROS_PER_SECOND
        + local.getNano() / 1000;
  }

  /**
   * The plan with its output cast to the types Describe announced where the wire type differs,
   * so that binary-format results always have the announced layout.
   */
  private static PlanNode withDescribedTypes(PlanNode root, List<ResultColumn> described) {
    if (described == null || described.size() != root.outputTypes().size()) {
      return root;
    }
    List<Expr> columns = new ArrayList<>();
    boolean changed = false;
    for (int c = 0; c < described.size(); c++) {
      DataType actual = root.outputTypes().get(c);
      DataType wanted = described.get(c).type();
      Expr column = new ColumnRef(c, actual);
      if (actual.pgOid() != wanted.pgOid()) {
        column = new Call(Function.CAST, List.of(column), wanted);
        changed = true;
      }
      columns.add(column);
    }
    return changed ? new ProjectNode(root, columns) : root;
  }

  private PlanNode buildPlan(SqlPreparedQuery query, List<Object> parameters) {
    QueryPlanner.PreparedPlan plan = query.plan();
    if (plan.planVersion() != engine.planner().version()
        || !plan.searchPath().equals(searchPath())) {
      SqlStatement statement = query.statement();
      Supplier<SqlNode> parser = () -> {
        SqlNode node = ExaParser.parse(statement.piece());
        return node instanceof SqlExplainStatement explain ? explain.statement
            : node instanceof SqlExplain explain ? explain.getExplicandum() : node;
      };
      QueryPlanner.PreparedPlan replanned = engine.planner().plan(parser, statement.piece(),
          query.declaredTypes(), searchPath());
      if (plan.columns() != null && replanned.columns() != null
          && !plan.columns().equals(replanned.columns())) {
        throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
            "cached plan must not change result type");
      }
      query.replan(replanned);
      plan = replanned;
    }
    privileges.check(plan.accesses());
    return new PlanBuilder(plan.rexBuilder(), plan.parameters(), parameters.toArray(),
        statementContext()).build(plan.physical(), plan.target());
  }

  /**
   * Runs a query or INSERT inside the session's transaction, or in one of its own; a query
   * whose rows the client fetches a few at a time is streamed.
   */
  private StatementResult runPlanned(SqlPreparedQuery query, List<Object> parameters,
      boolean incremental) {
    PlanNode root = withDescribedTypes(buildPlan(query, parameters), query.resultColumns());
    if (incremental && !root.outputTypes().isEmpty()) {
      return stream(root, query.resultColumns(), parameters);
    }
    return run(root, query.resultColumns(), query.statement().commandName(), parameters);
  }

  /**
   * Starts a query whose rows are handed out as they are produced; its transaction (its own,
   * or the session's) stays open until the stream is closed, which the end of the session's
   * transaction block does too.
   */
  private StatementResult stream(PlanNode root, List<ResultColumn> resultColumns,
      List<Object> parameters) {
    boolean ownTransaction = transaction == null;
    StorageTransaction current = ownTransaction ? engine.storage().begin() : transaction;
    QueryContext context = newContext(root, parameters, current);
    ExecutionPlan execution;
    contextPlans.put(context, root);
    try {
      execution = ExecutionPlan.build(root, context, STREAM_BATCHES);
    } catch (RuntimeException e) {
      if (ownTransaction) {
        current.rollback();
      }
      finished(context);
      throw e;
    }
    ScheduledFuture<?> timer = startStatementTimer(context);
    StreamingResultStream[] stream = new StreamingResultStream[1];
    stream[0] = new StreamingResultStream(execution, context,
        () -> {
          if (!ownTransaction && transaction == current) {
            failed = true;
          }
        },
        () -> {
          openStreams.remove(stream[0]);
          if (ownTransaction) {
            current.rollback();
          }
          finished(context);
        },
        () -> {
          if (timer != null) {
            timer.cancel(false);
          }
        });
    if (!ownTransaction) {
      openStreams.add(stream[0]);
    }
    return new StatementResult.Rows(columnsOf(resultColumns, root.outputTypes()), stream[0],
        "SELECT");
  }

  /**
   * Runs a plan inside the session's transaction, or in one of its own; a query's rows are
   * returned to be streamed, a change's row count as its command tag.
   */
  StatementResult run(PlanNode root, List<ResultColumn> resultColumns, String command,
      List<Object> parameters) {
    boolean ownTransaction = transaction == null;
    StorageTransaction current = ownTransaction ? engine.storage().begin() : transaction;
    QueryContext context = newContext(root, parameters, current);
    contextPlans.put(context, root);
    ExecutionPlan execution = null;
    boolean handedOver = false;
    try {
      execution = ExecutionPlan.build(root, context);
      runWithTimeout(execution, context);
      if (execution.result() == null) {
        long rows = execution.modifiedRows();
        if (root instanceof InsertNode insert) {
          checkUniqueKeys(insert.tableId(), current);
        } else if (root instanceof UpdateNode update) {
          checkUniqueKeys(update.tableId(), current);
        }
        if (ownTransaction) {
          engine.storage().commit(current);
        }
        return new StatementResult.Command(
            command.equals("INSERT") ? "INSERT 0 " + rows : command + " " + rows);
      }
      if (ownTransaction) {
        current.rollback();
      }
      List<ResultColumn> columns = columnsOf(resultColumns, root.outputTypes());
      handedOver = true;
      return new StatementResult.Rows(columns,
          new QueryResultStream(execution, context, this::finished), "SELECT");
    } catch (RuntimeException e) {
      if (ownTransaction) {
        current.rollback();
      }
      throw e;
    } finally {
      if (!handedOver) {
        if (execution != null) {
          execution.close();
        }
        finished(context);
      }
    }
  }

  /**
   * DECLARE ... CURSOR: runs the query now (its result is kept, spilling if large) and keeps
   * it under the cursor's name for FETCH and MOVE.
   */
  private StatementResult declareCursor(SqlDeclareCursor declare, SqlStatement statement) {
    if (declare.scroll) {
      throw ExaException.notSupported("SCROLL cursors (cursors only move forward)");
    }
    if (declare.binary) {
      throw ExaException.notSupported("BINARY cursors");
    }
    if (transaction == null && !declare.hold) {
      throw new ExaException(SqlState.NO_ACTIVE_SQL_TRANSACTION,
          "DECLARE CURSOR can only be used in transaction blocks");
    }
    String name = declare.name.getSimple();
    cursors.requireFree(name);
    QueryPlanner.PreparedPlan plan = plan(statement, List.of(),
        () -> ((SqlDeclareCursor) ExaParser.parse(statement.piece())).query);
    PlanNode root = new PlanBuilder(plan.rexBuilder(), plan.parameters(), new Object[0],
        statementContext()).build(plan.physical(), null);
    StatementResult.Rows rows = (StatementResult.Rows) run(root, plan.columns(), "SELECT",
        List.of());
    cursors.declare(name, new Cursor(rows, declare.hold, transaction != null));
    return new StatementResult.Command("DECLARE CURSOR");
  }

  private StatementResult fetchCursor(SqlFetchCursor fetch) {
    if (fetch.backward != null) {
      throw new ExaException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "cursor can only scan forward (" + (fetch.move ? "MOVE " : "FETCH ")
              + fetch.backward + ")");
    }
    Cursor cursor = cursors.get(fetch.name.getSimple());
    if (fetch.move) {
      return new StatementResult.Command("MOVE " + cursor.move(fetch.count));
    }
    return new StatementResult.Rows(cursor.columns(), cursor.fetch(fetch.count), "FETCH");
  }

  /** TRUNCATE: every row of the tables goes, in the session's transaction or its own. */
  private StatementResult truncate(SqlTruncateTable truncate) {
    List<TableDef> targets = new ArrayList<>();
    for (SqlIdentifier name : truncate.tableNames()) {
      TableDef table = DdlExecutor.resolveTable(engine.storage().catalog(), searchPath(), name);
      privileges.requireSchema(table.schema(), Privilege.USAGE);
      privileges.requireTable(table.id(), table.name(), Privilege.TRUNCATE);
      targets.add(table);
    }
    if (!truncate.unsupported.isEmpty()) {
      throw ExaException.notSupported(truncate.unsupported.get(0));
    }
    boolean ownTransaction = transaction == null;
    StorageTransaction current = ownTransaction ? engine.storage().begin() : transaction;
    try {
      for (TableDef table : targets) {
        engine.storage().truncate(current, table.id());
      }
      if (ownTransaction) {
        engine.storage().commit(current);
      }
    } catch (RuntimeException e) {
      if (ownTransaction) {
        current.rollback();
      }
      throw e;
    }
    return new StatementResult.Command("TRUNCATE TABLE");
  }

  private static List<ResultColumn> columnsOf(List<ResultColumn> declared,
      List<DataType> actual) {
    List<ResultColumn> columns = new ArrayList<>();
    for (int i = 0; i < actual.size(); i++) {
      String name = declared != null && i < declared.size() ? declared.get(i).name()
          : "?column?";
      columns.add(new ResultColumn(name, actual.get(i)));
    }
    return columns;
  }

  /**
   * A new query's context. Queries that read stored tables take an admission slot first
   * (one per session); those over system tables and constants never wait, so that an
   * operator can always look at pg_stat_activity.
   */
  private QueryContext newContext(PlanNode root, List<Object> parameters,
      StorageTransaction current) {
    boolean admitted = readsStoredTables(root);
    if (admitted && admittedQueries.getAndIncrement() == 0) {
      admit();
    }
    QueryContext context;
    try {
      long budget = queryMemoryLimit();
      long spillLimit = Long.parseLong(settings.get("exapg.query_spill_limit"));
      context = new QueryContext(
          engine.memory().newChildAllocator("query", budget), parameters.toArray(),
          engine.storage().tableStore(current), engine.workers(),
          engine.spillArea().newSpace(spillLimit));
    } catch (RuntimeException e) {
      if (admitted && admittedQueries.decrementAndGet() == 0) {
        engine.admission().release();
      }
      throw e;
    }
    if (admitted) {
      admittedContexts.add(context);
    }
    running = context;
    StatementTrace trace = tracing;
    if (trace != null) {
      contextTraces.put(context, trace);
    }
    return context;
  }

  private static boolean readsStoredTables(PlanNode node) {
    if (node instanceof ScanNode) {
      return true;
    }
    for (PlanNode input : node.inputs()) {
      if (readsStoredTables(input)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Waits for a slot to execute in, until canceled or past statement_timeout (57014 either
   * way, as for a running query).
   */
  private void admit() {
    waitCanceled = false;
    waitingForAdmission = true;
    try {
      engine.admission().acquire(waitLimit());
    } catch (RuntimeException e) {
      admittedQueries.decrementAndGet();
      throw e;
    } finally {
      waitingForAdmission = false;
    }
  }

  private void runWithTimeout(ExecutionPlan execution, QueryContext context) {
    ScheduledFuture<?> timer = startStatementTimer(context);
    try {
      execution.run();
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }

  /** Streams read the transaction's snapshot; like PostgreSQL's portals, they end with it. */
  private void closeOpenStreams() {
    for (StreamingResultStream stream : List.copyOf(openStreams)) {
      stream.close();
    }
  }

  /** Cancels the query when statement_timeout passes; null when there is no timeout. */
  private ScheduledFuture<?> startStatementTimer(QueryContext context) {
    long timeout = SessionSettings.parseDuration("statement_timeout",
        settings.get("statement_timeout"));
    return timeout <= 0 ? null : engine.timer().schedule(
        () -> context.cancel(new ExaException(SqlState.QUERY_CANCELED,
            "canceling statement due to statement timeout")),
        timeout, TimeUnit.MILLISECONDS);
  }

  /** Releases a query's memory; a leak here is a bug, reported but not fatal to the client. */
  private void finished(QueryContext context) {
    if (running == context) {
      running = null;
    }
    StatementTrace trace = contextTraces.remove(context);
    PlanNode root = contextPlans.remove(context);
    if (trace != null) {
      trace.addExecution(root, context.statistics(), context.spill(), this::distributionOf);
      if (root != null) {
        trace.addPlan(root, context.statistics());
        logIfSlow(trace, root, context);
      }
    }
    try {
      context.close();
    } catch (RuntimeException e) {
      LOG.error("query memory was not released completely", e);
    } finally {
      if (admittedContexts.remove(context) && admittedQueries.decrementAndGet() == 0) {
        engine.admission().release();
      }
    }
  }

  /** A table's DISTRIBUTE BY columns as positions; empty when it has none or is gone. */
  private List<Integer> distributionOf(long tableId) {
    TableDef table = engine.storage().catalog().table(tableId);
    return table == null ? List.of()
        : table.distribution().stream().map(table::columnIndex).toList();
  }

  /** Logs a query that ran for exapg.log_min_duration or longer with its EXPLAIN ANALYZE. */
  private void logIfSlow(StatementTrace trace, PlanNode root, QueryContext context) {
    String setting = settings.get("exapg.log_min_duration");
    if (setting.equals("-1")) {
      return;
    }
    long elapsed = trace.elapsedNanos();
    if (elapsed < SessionSettings.parseDuration("exapg.log_min_duration", setting) * 1_000_000L) {
      return;
    }
    List<String> lines = new ArrayList<>();
    ExplainFormatter.describe(root, 0, lines, context.statistics());
    LOG.info("duration: {} ms, trace {}, session {}, user {}, statement: {}\n{}",
        String.format(Locale.ROOT, "%.3f", elapsed / 1e6), trace.traceId(), info.processId(),
        info.user(), trace.query(), String.join("\n", lines));
  }

  private StatementResult explain(SqlPreparedQuery query, List<Object> parameters,
      boolean analyze) {
    PlanNode root = buildPlan(query, parameters);
    List<String> lines = new ArrayList<>();
    if (!analyze) {
      ExplainFormatter.describe(root, 0, lines, null);
    } else {
      boolean ownTransaction = transaction == null;
      StorageTransaction current = ownTransaction ? engine.storage().begin() : transaction;
      QueryContext context = newContext(root, parameters, current);
      long start = System.nanoTime();
      try (ExecutionPlan execution = ExecutionPlan.build(root, context)) {
        runWithTimeout(execution, context);
        boolean modifies = execution.result() == null;
        long rows = modifies ? execution.modifiedRows() : execution.result().rowCount();
        // As in PostgreSQL, EXPLAIN ANALYZE of a change makes the change.
        if (ownTransaction && modifies) {
          engine.storage().commit(current);
        }
        double millis = (System.nanoTime() - start) / 1e6;
        ExplainFormatter.describe(root, 0, lines, context.statistics());
        lines.add(String.format(Locale.ROOT,
            "Execution: %d rows in %.3f ms, %d pipelines, peak memory %d bytes", rows, millis,
            execution.pipelineCount(), context.allocator().getPeakMemoryAllocation()));
        if (context.spill().writtenBytes() > 0) {
          lines.add("Spilled: " + context.spill().writtenBytes() + " bytes written to disk");
        }
      } finally {
        if (ownTransaction) {
          current.rollback();
        }
        finished(context);
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (String line : lines) {
      rows.add(List.of(line));
    }
    return new StatementResult.Rows(List.of(new ResultColumn("QUERY PLAN", DataType.TEXT)),
        TextRows.stream(rows, 1, engine.memory()), "EXPLAIN");
  }

  // ---------------------------------------------------------------- session state

  @Override
  public TransactionState transactionState() {
    if (transaction == null) {
      return TransactionState.IDLE;
    }
    return failed ? TransactionState.FAILED : TransactionState.IN_TRANSACTION;
  }

  @Override
  public long idleInTransactionTimeoutMillis() {
    return SessionSettings.parseDuration("idle_in_transaction_session_timeout",
        settings.get("idle_in_transaction_session_timeout"));
  }

  @Override
  public Map<String, String> takeReportedParameterChanges() {
    return settings.takeChanges();
  }

  @Override
  public List<String> takeNotices() {
    List<String> result = List.copyOf(notices);
    notices.clear();
    return result;
  }

  @Override
  public void cancel() {
    waitCanceled = true;
    QueryContext context = running;
    if (context != null) {
      context.cancel(QueryContext.userCancel());
    }
  }

  @Override
  public void close() {
    engine.closed(this);
    closeOpenStreams();
    cursors.closeAll();
    if (transaction != null) {
      transaction.rollback();
      transaction = null;
    }
  }
}
