package io.exapg.planner;

import io.exapg.planner.catalog.RelationAccess;
import io.exapg.planner.catalog.pg.SessionActivity;
import io.exapg.planner.catalog.ExaTable;
import io.exapg.storage.catalog.AccessControl;
import io.exapg.storage.catalog.Privilege;
import io.exapg.storage.catalog.TableDef;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlKind;
import io.exapg.core.engine.ResultColumn;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.trace.QueryLog;
import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.ExaSchema;
import io.exapg.planner.catalog.SearchPath;
import io.exapg.planner.catalog.SystemSchema;
import io.exapg.planner.catalog.info.InformationSchema;
import io.exapg.planner.catalog.TypeNames;
import io.exapg.planner.catalog.pg.PgCatalogSchema;
import io.exapg.planner.parser.ExaParser;
import io.exapg.planner.parser.StatementSplitter;
import io.exapg.planner.plan.ExprTranslator;
import io.exapg.planner.plan.StatementParameters;
import io.exapg.planner.rel.ExaRel;
import io.exapg.planner.rel.ExaRules;
import io.exapg.planner.rel.CollectToArrayAgg;
import io.exapg.planner.rel.ConstantReduction;
import io.exapg.planner.rel.CorrelatedArrayAggregation;
import io.exapg.planner.rel.EmptyCatalogTables;
import io.exapg.planner.rel.ExistsToSemiJoin;
import io.exapg.planner.rel.GroupingSetsExpansion;
import io.exapg.planner.rel.ImpliedPredicates;
import io.exapg.planner.rel.JoinOrdering;
import io.exapg.planner.rel.NullPropagation;
import io.exapg.planner.rel.OrFactoring;
import io.exapg.planner.rel.UncollectToUnnest;
import io.exapg.planner.type.ExaRexBuilder;
import io.exapg.planner.type.ExaTypeSystem;
import io.exapg.planner.type.TypeMapping;
import io.exapg.planner.validate.ColumnNames;
import io.exapg.planner.validate.DmlRewriter;
import io.exapg.planner.validate.ExaConformance;
import io.exapg.planner.validate.EscapeStringLiterals;
import io.exapg.planner.validate.ExaConvertletTable;
import io.exapg.planner.validate.ExaOperatorTable;
import io.exapg.planner.validate.ExaTypeCoercion;
import io.exapg.planner.validate.SetReturningFunctions;
import io.exapg.planner.validate.InsertDefaults;
import io.exapg.planner.validate.InsertValuesTyping;
import io.exapg.planner.validate.NullComparisons;
import io.exapg.planner.validate.ParameterTyping;
import io.exapg.planner.validate.RegclassLiterals;
import io.exapg.planner.validate.ValidationErrors;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.ViewDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.PruneEmptyRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.RelBuilder;

/**
 * Validates a query or INSERT against the catalog and optimizes it into ExaPG's physical
 * convention: Calcite validation and conversion to relational algebra, subquery removal and
 * decorrelation, column trimming, rewrite rules, then cost-based conversion.
 */
public final class QueryPlanner {
  private static final ExaOperatorTable OPERATORS = new ExaOperatorTable();

  private static final int PLAN_CACHE_SIZE = 512;

  /** Views referring to views deeper than this are taken for a cycle. */
  private static final int MAX_VIEW_DEPTH = 64;

  private static final SqlToRelConverter.Config CONVERTER_CONFIG = SqlToRelConverter.config()
      .withExpand(false)
      .withTrimUnusedFields(true)
      .withInSubQueryThreshold(Integer.MAX_VALUE);

  /** What an empty input makes empty. */
  private static final List<RelOptRule> PRUNE_EMPTY = List.of(PruneEmptyRules.PROJECT_INSTANCE,
      PruneEmptyRules.FILTER_INSTANCE, PruneEmptyRules.JOIN_LEFT_INSTANCE,
      PruneEmptyRules.JOIN_RIGHT_INSTANCE, PruneEmptyRules.UNION_INSTANCE,
      PruneEmptyRules.SORT_INSTANCE, PruneEmptyRules.AGGREGATE_INSTANCE);

  private final StorageEngine storage;
  private final QueryLog queryLog;
  private final PgCatalogSchema pgCatalog;
  private final InformationSchema informationSchema;
  private final Map<PlanKey, PreparedPlan> cache = new java.util.LinkedHashMap<>(64, 0.75f,
      true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<PlanKey, PreparedPlan> eldest) {
      return size() > PLAN_CACHE_SIZE;
    }
  };

  /**
   * What a cached plan was made for: the statement text, the declared parameter types and the
   * schemas its unqualified names were looked up in.
   */
  private record PlanKey(String sql, List<DataType> declaredTypes, SearchPath searchPath) {
  }

  /**
   * @param sessions the node's client sessions, for pg_stat_activity
   * @param queryLog the finished statements, for exa_query_history and exa_statement_stats
   */
  public QueryPlanner(StorageEngine storage, String database, String superuser,
      Supplier<List<SessionActivity>> sessions, QueryLog queryLog) {
    this.storage = storage;
    this.queryLog = queryLog;
    this.pgCatalog = new PgCatalogSchema(storage, database, sessions);
    this.informationSchema = new InformationSchema(storage, database, superuser);
  }

  /**
   * A statement ready to become operator specs.
   *
   * @param columns the result columns of a query; null for INSERT, DELETE and UPDATE
   * @param target what a DELETE or UPDATE changes (its plan yields row ids); else null
   * @param searchPath where the statement's unqualified names were looked up
   * @param accesses the privileges the statement needs, to be checked whenever it runs
   */
  public record PreparedPlan(RelNode physical, RexBuilder rexBuilder, List<ResultColumn> columns,
      StatementParameters parameters, long planVersion, DmlRewriter.Target target,
      SearchPath searchPath, List<RelationAccess> accesses, PlanTimings timings) {
    /** The same plan, as handed out again from the plan cache. */
    PreparedPlan fromCache() {
      return withTimings(timings.asCached());
    }

    PreparedPlan withTimings(PlanTimings planTimings) {
      return new PreparedPlan(physical, rexBuilder, columns, parameters, planVersion, target,
          searchPath, accesses, planTimings);
    }
  }

  /**
   * What plans depend on: the catalog's version and the statistics' generation; a plan made
   * under another version is made again.
   */
  public long version() {
    return storage.catalog().version() << 32 ^ storage.statistics().generation();
  }

  /** The Calcite objects one planning run works with. */
  private record Environment(JavaTypeFactoryImpl typeFactory, CalciteCatalogReader catalogReader,
      SqlValidator validator, SearchPath searchPath) {
  }

  private Environment environment(SearchPath searchPath) {
    return environment(new JavaTypeFactoryImpl(ExaTypeSystem.INSTANCE), searchPath);
  }

  private Environment environment(JavaTypeFactoryImpl typeFactory, SearchPath searchPath) {
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    CalciteSchema rowIds = root.add(DmlRewriter.ROW_ID_SCHEMA, new AbstractSchema());
    for (String schema : storage.catalog().schemas()) {
      root.add(schema, new ExaSchema(storage, schema, false));
      rowIds.add(schema, new ExaSchema(storage, schema, true));
    }
    CalciteSchema pgCatalogTypes = root.add(PgCatalogSchema.NAME, pgCatalog);
    for (Map.Entry<String, DataType> alias : TypeNames.aliases().entrySet()) {
      DataType type = alias.getValue();
      root.add(alias.getKey(), factory -> TypeMapping.toRelDataType(type, true, factory));
      pgCatalogTypes.add(alias.getKey(),
          factory -> TypeMapping.toRelDataType(type, true, factory));
    }
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    CalciteConnectionConfig config = new CalciteConnectionConfigImpl(properties);
    root.add(SystemSchema.NAME, new SystemSchema(storage, queryLog));
    root.add(InformationSchema.NAME, informationSchema);
    // Names without a schema are looked up in the system views first, as in pg_catalog,
    // then along the search path.
    List<List<String>> schemaPaths = new ArrayList<>();
    schemaPaths.add(List.of(SystemSchema.NAME));
    schemaPaths.add(List.of(PgCatalogSchema.NAME));
    for (String schema : searchPath.schemas()) {
      schemaPaths.add(List.of(schema));
    }
    schemaPaths.add(List.of());
    CalciteCatalogReader catalogReader = new CalciteCatalogReader(root,
        SqlNameMatchers.withCaseSensitive(true), schemaPaths, typeFactory, config) {
    };
    SqlValidator validator = SqlValidatorUtil.newValidator(
        SqlOperatorTables.chain(OPERATORS, catalogReader), catalogReader, typeFactory,
        SqlValidator.Config.DEFAULT
            .withConformance(ExaConformance.INSTANCE)
            .withDefaultNullCollation(NullCollation.HIGH)
            .withIdentifierExpansion(true)
            .withTypeCoercionEnabled(true)
            .withTypeCoercionFactory(ExaTypeCoercion::new));
    return new Environment(typeFactory, catalogReader, validator, searchPath);
  }

  /**
   * Plans a query or INSERT. Validation changes the parse tree, so the parser is called
   * for a fresh tree on every attempt.
   *
   * @param declaredTypes parameter types by number; null entries are inferred
   */
  public PreparedPlan plan(Supplier<SqlNode> parser, StatementSplitter.Piece piece,
      List<DataType> declaredTypes, SearchPath searchPath) {
    long planVersion = version();
    PlanKey key = new PlanKey(piece.text(), new ArrayList<>(declaredTypes), searchPath);
    synchronized (cache) {
      PreparedPlan cached = cache.get(key);
      if (cached != null && cached.planVersion() == planVersion) {
        return cached.fromCache();
      }
    }
    PreparedPlan plan = planUncached(parser, piece, declaredTypes, planVersion, searchPath);
    synchronized (cache) {
      cache.put(key, plan);
    }
    return plan;
  }

  private PreparedPlan planUncached(Supplier<SqlNode> statementParser,
      StatementSplitter.Piece piece, List<DataType> declaredTypes, long planVersion,
      SearchPath searchPath) {
    DmlRewriter.Target[] target = new DmlRewriter.Target[1];
    long[] parseNanos = new long[1];
    Supplier<SqlNode> parser = () -> {
      long start = System.nanoTime();
      try {
        SqlNode node = statementParser.get();
        DmlRewriter.Rewritten rewritten = DmlRewriter.rewrite(node, storage.catalog(),
            searchPath, QueryPlanner::typeSpec);
        if (rewritten == null) {
          return node;
        }
        target[0] = rewritten.target();
        return rewritten.query();
      } finally {
        parseNanos[0] += System.nanoTime() - start;
      }
    };
    long validateStart = System.nanoTime();
    List<Integer> markerNumbers = piece.parameters();
    int parameterCount = 0;
    for (int number : markerNumbers) {
      if (number < 0) {
        throw new ExaException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $0");
      }
      parameterCount = Math.max(parameterCount, number + 1);
    }
    parameterCount = Math.max(parameterCount, declaredTypes.size());
    DataType[] types = new DataType[parameterCount];
    for (int i = 0; i < declaredTypes.size(); i++) {
      types[i] = declaredTypes.get(i);
    }
    Environment environment = environment(searchPath);
    SqlNode validated = validate(environment, parser.get(), piece, markerNumbers, types);
    boolean inferred = false;
    List<SqlDynamicParam> markers = ParameterTyping.markers(validated);
    for (SqlDynamicParam marker : markers) {
      int number = markerNumbers.get(marker.getIndex());
      if (types[number] == null) {
        RelDataType type = environment.validator().getValidatedNodeTypeIfKnown(marker);
        types[number] = type == null ? DataType.TEXT : TypeMapping.toDataType(type);
        inferred = true;
      }
    }
    for (int i = 0; i < types.length; i++) {
      if (types[i] == null) {
        types[i] = DataType.TEXT;
      }
    }
    if (inferred) {
      environment = environment(searchPath);
      validated = validate(environment, parser.get(), piece, markerNumbers, types);
    }
    StatementParameters parameters = new StatementParameters(markerNumbers, List.of(types));
    long optimizeStart = System.nanoTime();
    long parsedBeforeOptimize = parseNanos[0];
    try {
      SqlNode original = parser.get();
      PreparedPlan plan = convert(environment, original, validated, parameters, planVersion,
          target[0]);
      long end = System.nanoTime();
      return plan.withTimings(new PlanTimings(parseNanos[0],
          optimizeStart - validateStart - parsedBeforeOptimize,
          end - optimizeStart - (parseNanos[0] - parsedBeforeOptimize), false));
    } catch (ExaException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ValidationErrors.translate(e, piece.text(), piece.offset());
    }
  }

  private SqlNode validate(Environment environment, SqlNode statement,
      StatementSplitter.Piece piece, List<Integer> markerNumbers, DataType[] types) {
    Map<Integer, SqlDataTypeSpec> casts = new HashMap<>();
    for (SqlDynamicParam marker : ParameterTyping.markers(statement)) {
      DataType type = types[markerNumbers.get(marker.getIndex())];
      if (type != null) {
        casts.put(marker.getIndex(), typeSpec(type));
      }
    }
    InsertDefaults.apply(statement, storage.catalog(), environment.searchPath());
    InsertValuesTyping.apply(statement, storage.catalog(), environment.searchPath(),
        QueryPlanner::typeSpec);
    SqlNode rewritten = SetReturningFunctions.rewrite(NullComparisons.apply(
        EscapeStringLiterals.apply(statement)), piece.text());
    SqlNode typed = ParameterTyping.wrap(RegclassLiterals.resolve(rewritten, storage.catalog(),
        environment.searchPath()), casts);
    try {
      return environment.validator().validate(typed);
    } catch (RuntimeException e) {
      throw ValidationErrors.translate(e, piece.text(), piece.offset());
    }
  }

  private static SqlDataTypeSpec typeSpec(DataType type) {
    return new SqlDataTypeSpec(typeNameSpec(type), SqlParserPos.ZERO);
  }

  private static SqlTypeNameSpec typeNameSpec(DataType type) {
    return switch (type.id()) {
      case BOOLEAN -> new SqlBasicTypeNameSpec(SqlTypeName.BOOLEAN, SqlParserPos.ZERO);
      case SMALLINT -> new SqlBasicTypeNameSpec(SqlTypeName.SMALLINT, SqlParserPos.ZERO);
      case INTEGER -> new SqlBasicTypeNameSpec(SqlTypeName.INTEGER, SqlParserPos.ZERO);
      case BIGINT -> new SqlBasicTypeNameSpec(SqlTypeName.BIGINT, SqlParserPos.ZERO);
      case DECIMAL -> new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, type.precision(),
          type.scale(), SqlParserPos.ZERO);
      case REAL -> new SqlBasicTypeNameSpec(SqlTypeName.REAL, SqlParserPos.ZERO);
      case DOUBLE -> new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, SqlParserPos.ZERO);
      case VARCHAR -> type.precision() < 0
          ? new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, SqlParserPos.ZERO)
          : new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, type.precision(), SqlParserPos.ZERO);
      case CHAR -> new SqlBasicTypeNameSpec(SqlTypeName.CHAR, type.precision(),
          SqlParserPos.ZERO);
      case DATE -> new SqlBasicTypeNameSpec(SqlTypeName.DATE, SqlParserPos.ZERO);
      case TIMESTAMP -> new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, type.precision(),
          SqlParserPos.ZERO);
      case UUID -> new SqlBasicTypeNameSpec(SqlTypeName.UUID, SqlParserPos.ZERO);
      case BYTEA -> new SqlBasicTypeNameSpec(SqlTypeName.VARBINARY, SqlParserPos.ZERO);
      case ARRAY -> new SqlCollectionTypeNameSpec(typeNameSpec(type.element()),
          SqlTypeName.ARRAY, SqlParserPos.ZERO);
    };
  }

  private PreparedPlan convert(Environment environment, SqlNode original, SqlNode validated,
      StatementParameters parameters, long planVersion, DmlRewriter.Target target) {
    VolcanoPlanner planner = new VolcanoPlanner();
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    planner.setExecutor(ConstantReduction.INSTANCE);
    RexBuilder rexBuilder = new ExaRexBuilder(environment.typeFactory());
    RelOptCluster cluster = RelOptCluster.create(planner, rexBuilder);
    ViewExpansion views = new ViewExpansion(cluster, environment.typeFactory());
    SqlToRelConverter converter = new SqlToRelConverter(views, environment.validator(),
        environment.catalogReader(), cluster, ExaConvertletTable.INSTANCE,
        CONVERTER_CONFIG);
    RelRoot root = converter.convertQuery(validated, false, true);
    List<RelationAccess> accesses = views.accesses(root.rel, target);
    List<ResultColumn> columns = null;
    if (target != null) {
      checkAssignments(target, root.validatedRowType, environment.typeFactory());
    } else if (!(validated instanceof SqlInsert)) {
      List<String> names = new ArrayList<>();
      for (var field : root.fields) {
        names.add(field.getValue());
      }
      names = ColumnNames.of(original, validated, names);
      columns = new ArrayList<>();
      List<RelDataTypeField> fields = root.validatedRowType.getFieldList();
      for (int i = 0; i < fields.size(); i++) {
        columns.add(new ResultColumn(names.get(i),
            ExprTranslator.typeOf(fields.get(i).getType())));
      }
    }
    RelNode logical = NullPropagation.apply(root.project(), rexBuilder);
    RelBuilder relBuilder = RelBuilder.proto(org.apache.calcite.plan.Contexts.empty())
        .create(cluster, environment.catalogReader());
    logical = UncollectToUnnest.apply(logical, rexBuilder);
    logical = EmptyCatalogTables.apply(logical, rel -> hep(rel, PRUNE_EMPTY), rexBuilder);
    logical = hep(logical, List.of(CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
        CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE, CoreRules.JOIN_SUB_QUERY_TO_CORRELATE));
    logical = CollectToArrayAgg.apply(logical, rexBuilder);
    logical = CorrelatedArrayAggregation.apply(logical, rexBuilder);
    // UNNESTs inside subqueries appear only now that subqueries are relational
    logical = UncollectToUnnest.apply(logical, rexBuilder);
    logical = ExistsToSemiJoin.apply(logical, rexBuilder);
    logical = RelDecorrelator.decorrelateQuery(logical, relBuilder);
    logical = new RelFieldTrimmer(environment.validator(), relBuilder).trim(logical);
    logical = hep(logical, List.of(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW));
    logical = OrFactoring.apply(logical, rexBuilder);
    logical = ImpliedPredicates.apply(logical, rexBuilder);
    logical = GroupingSetsExpansion.apply(logical, rexBuilder);
    logical = hep(logical, List.of(
        CoreRules.UNION_TO_DISTINCT,
        CoreRules.INTERSECT_TO_DISTINCT,
        CoreRules.MINUS_TO_DISTINCT,
        CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES_TO_JOIN,
        CoreRules.PROJECT_TO_SEMI_JOIN,
        CoreRules.JOIN_TO_SEMI_JOIN,
        CoreRules.FILTER_INTO_JOIN,
        CoreRules.JOIN_CONDITION_PUSH,
        // Computed keys (EXISTS (... WHERE b.x * 3 = a.y)) become columns, so the join hashes.
        CoreRules.JOIN_PUSH_EXPRESSIONS,
        CoreRules.FILTER_PROJECT_TRANSPOSE,
        CoreRules.FILTER_MERGE,
        CoreRules.PROJECT_MERGE,
        CoreRules.PROJECT_REMOVE,
        CoreRules.FILTER_AGGREGATE_TRANSPOSE));
    logical = JoinOrdering.apply(logical, rexBuilder);
    if (containsKind(logical, "LogicalCorrelate")) {
      throw ExaException.notSupported(
          "this correlated subquery (it could not be rewritten as a join)");
    }
    // Filters pushed below joins may have been the last users of some columns; the trimmer's
    // projections go above the filters again, so that filters meet their scans.
    logical = new RelFieldTrimmer(environment.validator(), relBuilder).trim(logical);
    // The trimmer keeps every input column of a window; the project above one knows which
    // the query reads.
    logical = hep(logical, List.of(CoreRules.FILTER_PROJECT_TRANSPOSE, CoreRules.FILTER_MERGE,
        CoreRules.PROJECT_WINDOW_TRANSPOSE, CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE));
    for (RelOptRule rule : ExaRules.converters()) {
      planner.addRule(rule);
    }
    RelTraitSet desired = logical.getTraitSet().replace(ExaRel.CONVENTION);
    planner.setRoot(planner.changeTraits(logical, desired));
    RelNode physical;
    try {
      physical = planner.findBestExp();
    } catch (RuntimeException e) {
      throw ExaException.notSupported("this query shape (" + firstLine(e.getMessage()) + ")");
    }
    return new PreparedPlan(physical, rexBuilder, columns, parameters, planVersion, target,
        environment.searchPath(), accesses, null);
  }

  /**
   * The tables and views a view's query reads, directly or through other views, by qualified
   * name; empty when the query no longer plans (what it read is gone already) or no longer
   * returns the view's columns (a {@code SELECT *} over a table that gained a column).
   */
  public Set<String> dependencies(ViewDef view) {
    Environment environment = environment(new SearchPath(view.searchPath()));
    RelOptCluster cluster = RelOptCluster.create(new VolcanoPlanner(),
        new ExaRexBuilder(environment.typeFactory()));
    ViewExpansion expansion = new ViewExpansion(cluster, environment.typeFactory());
    RelNode rel;
    try {
      rel = expansion.expandView(null, view.query(), view.searchPath(),
          List.of(view.schema(), view.name())).rel;
    } catch (ExaException e) {
      return Set.of();
    }
    if (rel.getRowType().getFieldCount() != view.columns().size()) {
      return Set.of();
    }
    Set<String> names = new HashSet<>(expansion.expanded);
    names.remove(view.qualifiedName());
    rel.accept(new RelShuttleImpl() {
      @Override
      public RelNode visit(TableScan scan) {
        names.add(String.join(".", scan.getTable().getQualifiedName()));
        return scan;
      }
    });
    return names;
  }

  /**
   * Puts a view's query in place of a reference to the view: parsed, validated against the
   * catalog and converted into the same cluster as the query that refers to it.
   */
  private final class ViewExpansion implements RelOptTable.ViewExpander {
    private final RelOptCluster cluster;
    private final JavaTypeFactoryImpl typeFactory;
    /** The qualified names of the views expanded so far. */
    private final Set<String> expanded = new HashSet<>();
    /** The owners of the views being expanded, innermost last. */
    private final Deque<Long> viewOwners = new ArrayDeque<>();
    private final List<RelationAccess> accesses = new ArrayList<>();
    /** Scans already charged to the owner of the view they are read through. */
    private final Set<RelNode> attributed = Collections.newSetFromMap(new IdentityHashMap<>());
    private int depth;

    ViewExpansion(RelOptCluster cluster, JavaTypeFactoryImpl typeFactory) {
      this.cluster = cluster;
      this.typeFactory = typeFactory;
    }

    @Override
    public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
        List<String> viewPath) {
      if (depth >= MAX_VIEW_DEPTH) {
        throw new ExaException(SqlState.INVALID_OBJECT_DEFINITION,
            "infinite recursion detected in view \"" + String.join(".", viewPath) + "\"");
      }
      StatementSplitter.Piece piece = StatementSplitter.split(queryString).get(0);
      Environment environment = environment(typeFactory, new SearchPath(schemaPath));
      SqlNode validated;
      try {
        validated = environment.validator().validate(ExaParser.parse(piece));
      } catch (ExaException e) {
        throw e;
      } catch (RuntimeException e) {
        throw ValidationErrors.translate(e, piece.text(), piece.offset());
      }
      expanded.add(String.join(".", viewPath));
      ViewDef view = viewPath.size() == 2
          ? storage.catalog().view(viewPath.get(0), viewPath.get(1)) : null;
      long owner = view == null ? AccessControl.BOOTSTRAP_OID
          : storage.access().owner(view.id());
      if (view != null) {
        accesses.add(new RelationAccess(view.id(), view.schema(), view.name(), true,
            Privilege.SELECT, viewOwners.isEmpty() ? RelationAccess.SESSION_USER
                : viewOwners.peekLast()));
      }
      depth++;
      viewOwners.addLast(owner);
      RelRoot expansion;
      try {
        expansion = new SqlToRelConverter(this, environment.validator(),
            environment.catalogReader(), cluster, ExaConvertletTable.INSTANCE,
            CONVERTER_CONFIG).convertQuery(validated, false, false);
      } finally {
        depth--;
        viewOwners.removeLast();
      }
      chargeScans(expansion.rel, owner, null);
      return expansion;
    }

    /**
     * The privileges a converted statement needs: its own reads and writes for the session's
     * user, and what the views it reads read, for each view's owner.
     */
    List<RelationAccess> accesses(RelNode statement, DmlRewriter.Target target) {
      if (target != null) {
        TableDef table = target.table();
        accesses.add(new RelationAccess(table.id(), table.schema(), table.name(), false,
            target.kind() == SqlKind.DELETE ? Privilege.DELETE : Privilege.UPDATE,
            RelationAccess.SESSION_USER));
      }
      chargeScans(statement, RelationAccess.SESSION_USER, target);
      return List.copyOf(accesses);
    }

    /** Charges the reads (and INSERT's write) not charged yet to a role. */
    private void chargeScans(RelNode rel, long role, DmlRewriter.Target target) {
      new RelVisitor() {
        @Override
        public void visit(RelNode node, int ordinal, RelNode parent) {
          if (node instanceof TableModify modify && attributed.add(node)) {
            charge(modify.getTable(), Privilege.INSERT, role);
          }
          if (node instanceof TableScan scan && attributed.add(node)) {
            ExaTable table = scan.getTable().unwrap(ExaTable.class);
            boolean targetRead = table != null && table.hasRowIds();
            if (!targetRead || target == null || target.readsColumns()) {
              charge(scan.getTable(), Privilege.SELECT, role);
            }
          }
          node.accept(new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
              visit(subQuery.rel, 0, node);
              return subQuery;
            }
          });
          super.visit(node, ordinal, parent);
        }
      }.go(rel);
    }

    private void charge(RelOptTable relOptTable, Privilege privilege, long role) {
      ExaTable table = relOptTable.unwrap(ExaTable.class);
      if (table != null) {
        TableDef definition = table.definition();
        accesses.add(new RelationAccess(definition.id(), definition.schema(),
            definition.name(), false, privilege, role));
      }
    }
  }

  /** UPDATE's SET values must be assignable to their columns (row id first, then columns). */
  private static void checkAssignments(DmlRewriter.Target target, RelDataType rowType,
      JavaTypeFactoryImpl typeFactory) {
    for (int column : target.updatedColumns()) {
      ColumnDef definition = target.table().columns().get(column);
      RelDataType to = TypeMapping.toRelDataType(definition.type(), true, typeFactory);
      RelDataType from = rowType.getFieldList().get(column + 1).getType();
      if (!SqlTypeUtil.canAssignFrom(to, from)) {
        throw new ExaException(SqlState.DATATYPE_MISMATCH, "column \"" + definition.name()
            + "\" is of type " + definition.type().sqlName() + " but expression is of type "
            + ExprTranslator.typeOf(from).sqlName()
            + " (rewrite or cast the expression)");
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no plan found";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static boolean containsKind(RelNode rel, String typeName) {
    if (rel.getClass().getSimpleName().equals(typeName)) {
      return true;
    }
    for (RelNode input : rel.getInputs()) {
      if (containsKind(input, typeName)) {
        return true;
      }
    }
    return false;
  }

  private static RelNode hep(RelNode rel, List<RelOptRule> rules) {
    HepProgramBuilder program = new HepProgramBuilder().addMatchOrder(HepMatchOrder.BOTTOM_UP);
    program.addRuleCollection(rules);
    HepPlanner planner = new HepPlanner(program.build());
    planner.setRoot(rel);
    return planner.findBestExp();
  }
}
