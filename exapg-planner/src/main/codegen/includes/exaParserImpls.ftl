<#--
  ExaPG's additions to Calcite's SQL grammar: PostgreSQL's utility statements
  (transactions, SET/RESET/SHOW, EXPLAIN options), ExaPG's DDL and the '::' cast.
  The productions build nodes from io.exapg.planner.parser.
-->

/** EXPLAIN [ANALYZE] [VERBOSE] statement, or EXPLAIN (option [value], ...) statement. */
SqlNode ExaExplain() :
{
    final Span s;
    final List<String> explainOptions = new ArrayList<String>();
    final SqlNode stmt;
}
{
    <EXPLAIN> { s = span(); }
    (
        LOOKAHEAD(2)
        <LPAREN> ExaExplainOption(explainOptions)
        ( <COMMA> ExaExplainOption(explainOptions) )*
        <RPAREN>
    |
        [ <ANALYZE> { explainOptions.add("ANALYZE=TRUE"); } ]
        [ <VERBOSE> { explainOptions.add("VERBOSE=TRUE"); } ]
    )
    stmt = SqlQueryOrDml() {
        return new SqlExplainStatement(s.end(this), stmt, explainOptions);
    }
}

void ExaExplainOption(List<String> explainOptions) :
{
    final String name;
    String value = "TRUE";
}
{
    name = Identifier()
    [ value = ExaOptionValue() ]
    {
        explainOptions.add(name.toUpperCase(Locale.ROOT) + "=" + value);
    }
}

String ExaOptionValue() :
{
    final String v;
    final SqlNumericLiteral n;
}
{
    <TRUE> { return "TRUE"; }
|   <FALSE> { return "FALSE"; }
|   <ON> { return "TRUE"; }
|   n = UnsignedNumericLiteral() { return n.toValue(); }
|   v = Identifier() { return v.toUpperCase(Locale.ROOT); }
}

/** BEGIN [WORK | TRANSACTION] [modes], START TRANSACTION [modes]. */
SqlNode ExaBeginTransaction() :
{
    final Span s;
    final List<String> modes = new ArrayList<String>();
}
{
    (
        <BEGIN> { s = span(); } [ <WORK> | <TRANSACTION> ]
    |
        <START> { s = span(); } <TRANSACTION>
    )
    [
        ExaTransactionMode(modes)
        ( [ <COMMA> ] ExaTransactionMode(modes) )*
    ]
    {
        return new SqlTransactionControl(s.end(this),
            SqlTransactionControl.Kind.BEGIN, modes);
    }
}

void ExaTransactionMode(List<String> modes) :
{
}
{
    <ISOLATION> <LEVEL>
    (
        <SERIALIZABLE> { modes.add("ISOLATION LEVEL SERIALIZABLE"); }
    |
        <REPEATABLE> <READ> { modes.add("ISOLATION LEVEL REPEATABLE READ"); }
    |
        LOOKAHEAD(2) <READ> <COMMITTED> { modes.add("ISOLATION LEVEL READ COMMITTED"); }
    |
        <READ> <UNCOMMITTED> { modes.add("ISOLATION LEVEL READ UNCOMMITTED"); }
    )
|
    LOOKAHEAD(2) <READ> <WRITE> { modes.add("READ WRITE"); }
|
    <READ> <ONLY> { modes.add("READ ONLY"); }
|
    <NOT> <DEFERRABLE> { modes.add("NOT DEFERRABLE"); }
|
    <DEFERRABLE> { modes.add("DEFERRABLE"); }
}

/** COMMIT | END [WORK | TRANSACTION]. */
SqlNode ExaCommitTransaction() :
{
    final Span s;
}
{
    ( <COMMIT> | <END> ) { s = span(); }
    [ <WORK> | <TRANSACTION> ]
    {
        return new SqlTransactionControl(s.end(this),
            SqlTransactionControl.Kind.COMMIT, new ArrayList<String>());
    }
}

/** ROLLBACK | ABORT [WORK | TRANSACTION] [TO [SAVEPOINT] name]. */
SqlNode ExaRollbackTransaction() :
{
    final Span s;
    SqlIdentifier savepoint = null;
}
{
    ( <ROLLBACK> | <ABORT> ) { s = span(); }
    [ <WORK> | <TRANSACTION> ]
    [ <TO> [ <SAVEPOINT> ] savepoint = SimpleIdentifier() ]
    {
        return new SqlTransactionControl(s.end(this), savepoint == null
            ? SqlTransactionControl.Kind.ROLLBACK : SqlTransactionControl.Kind.ROLLBACK_TO,
            new ArrayList<String>(), savepoint == null ? null : savepoint.getSimple());
    }
}

/** SAVEPOINT name. */
SqlNode ExaSavepoint() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <SAVEPOINT> { s = span(); } name = SimpleIdentifier()
    {
        return new SqlTransactionControl(s.end(this), SqlTransactionControl.Kind.SAVEPOINT,
            new ArrayList<String>(), name.getSimple());
    }
}

/** RELEASE [SAVEPOINT] name. */
SqlNode ExaReleaseSavepoint() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <RELEASE> { s = span(); } [ <SAVEPOINT> ] name = SimpleIdentifier()
    {
        return new SqlTransactionControl(s.end(this), SqlTransactionControl.Kind.RELEASE,
            new ArrayList<String>(), name.getSimple());
    }
}

/** SHOW name | SHOW ALL | SHOW TIME ZONE | SHOW TRANSACTION ISOLATION LEVEL. */
SqlNode ExaShow() :
{
    final Span s;
    final String name;
    final SqlIdentifier id;
}
{
    <SHOW> { s = span(); }
    (
        <ALL> { name = "all"; }
    |
        LOOKAHEAD(2) <TIME> <ZONE> { name = "timezone"; }
    |
        LOOKAHEAD(2) <TRANSACTION> <ISOLATION> <LEVEL> { name = "transaction_isolation"; }
    |
        id = CompoundIdentifier() { name = String.join(".", id.names); }
    )
    {
        return new SqlShowVariable(s.end(this), name);
    }
}

/**
 * SET [SESSION | LOCAL] name {= | TO} {value [, ...] | DEFAULT}, SET TIME ZONE value,
 * SET ROLE {name | NONE},
 * SET [SESSION CHARACTERISTICS AS] TRANSACTION modes, RESET name, RESET ALL.
 */
SqlSetVariable ExaSetVariable(Span s, String scope) :
{
    SqlIdentifier name;
    final List<SqlNode> values = new ArrayList<SqlNode>();
    final List<String> modes = new ArrayList<String>();
    boolean local = false;
    SqlNode value;
}
{
    (
        <SET> { s.add(this); }
        (
            LOOKAHEAD(2)
            <SESSION> <CHARACTERISTICS> <AS> <TRANSACTION>
            ExaTransactionMode(modes) ( [ <COMMA> ] ExaTransactionMode(modes) )*
            {
                return SqlSetVariable.transactionModes(s.end(this), scope, modes, true);
            }
        |
            <TRANSACTION>
            ExaTransactionMode(modes) ( [ <COMMA> ] ExaTransactionMode(modes) )*
            {
                return SqlSetVariable.transactionModes(s.end(this), scope, modes, false);
            }
        |
            [ LOOKAHEAD(2) ( <SESSION> | <LOCAL> { local = true; } ) ]
            (
                LOOKAHEAD(2)
                <ROLE> { name = new SqlIdentifier("role", getPos()); }
                (
                    <NONE> { values.add(SqlLiteral.createCharString("none", getPos())); }
                |
                    value = ExaSetValue() { values.add(value); }
                )
            |
                LOOKAHEAD(2)
                <TIME> <ZONE> { name = new SqlIdentifier("timezone", getPos()); }
                (
                    <LOCAL> { }
                |
                    <DEFAULT_> { }
                |
                    value = ExaSetValue() { values.add(value); }
                )
            |
                name = CompoundIdentifier()
                ( <EQ> | <TO> )
                (
                    <DEFAULT_> { }
                |
                    value = ExaSetValue() { values.add(value); }
                    ( <COMMA> value = ExaSetValue() { values.add(value); } )*
                )
            )
            {
                return SqlSetVariable.set(s.end(this), scope, name, values, local);
            }
        )
    |
        <RESET> { s.add(this); }
        (
            <ALL> { name = null; }
        |
            LOOKAHEAD(2) <TIME> <ZONE> { name = new SqlIdentifier("timezone", getPos()); }
        |
            name = CompoundIdentifier()
        )
        {
            return SqlSetVariable.reset(s.end(this), scope, name);
        }
    )
}

SqlNode ExaSetValue() :
{
    final SqlNode e;
}
{
    e = Literal() { return e; }
|   <ON> { return SqlLiteral.createCharString("on", getPos()); }
|   e = SimpleIdentifier() { return e; }
}

boolean ExaIfNotExists() :
{
}
{
    LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean ExaIfExists() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

/**
 * CREATE [TEMP | TEMPORARY] TABLE [IF NOT EXISTS] name [(elements)] [PARTITION BY ...]
 * [DISTRIBUTE BY ...] [AS query].
 */
SqlCreate ExaCreateTable(Span s, boolean replace) :
{
    boolean temporary = false;
    final boolean ifNotExists;
    final SqlIdentifier id;
    final List<SqlNode> elements = new ArrayList<SqlNode>();
    final Span elementSpan = Span.of();
    SqlNode query = null;
    SqlNode layout;
}
{
    [ <TEMP> { temporary = true; } | <TEMPORARY> { temporary = true; } ]
    <TABLE>
    ifNotExists = ExaIfNotExists()
    id = CompoundIdentifier()
    [
        <LPAREN> { elementSpan.add(this); }
        ExaTableElement(elements)
        ( <COMMA> ExaTableElement(elements) )*
        <RPAREN> { elementSpan.add(this); }
    ]
    (
        layout = ExaPartitionBy() { elements.add(layout); }
    |
        layout = ExaDistributeBy() { elements.add(layout); }
    )*
    [ <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) ]
    {
        return new SqlCreateTableStatement(s.end(this), replace, temporary, ifNotExists, id,
            new SqlNodeList(elements, elementSpan.pos()), query);
    }
}

void ExaTableElement(List<SqlNode> elements) :
{
    final Span s = Span.of();
    SqlIdentifier constraintName = null;
    final SqlNodeList columns;
    final SqlIdentifier id;
    final SqlDataTypeSpec type;
    boolean notNull = false;
    boolean primaryKey = false;
    boolean unique = false;
    SqlNode defaultValue = null;
    SqlNode layout;
    SqlIdentifier word;
    SqlIdentifier option;
    final List<String> likeOptions = new ArrayList<String>();
}
{
    (
        <LIKE> { s.add(this); } id = CompoundIdentifier()
        (
            word = SimpleIdentifier()
            (
                <ALL> { likeOptions.add(word.getSimple() + " ALL"); }
            |
                <IDENTITY> { likeOptions.add(word.getSimple() + " IDENTITY"); }
            |
                option = SimpleIdentifier() {
                    likeOptions.add(word.getSimple() + " " + option.getSimple());
                }
            )
        )*
        {
            elements.add(new SqlTableLike(s.end(this), id, likeOptions));
        }
    |
        LOOKAHEAD(2) layout = ExaPartitionBy() { elements.add(layout); }
    |
        LOOKAHEAD(2) layout = ExaDistributeBy() { elements.add(layout); }
    |
        [ <CONSTRAINT> { s.add(this); } constraintName = SimpleIdentifier() ]
        (
            <PRIMARY> { s.add(this); } <KEY> columns = ParenthesizedSimpleIdentifierList() {
                elements.add(new SqlTableConstraint(s.end(this),
                    SqlTableConstraint.Kind.PRIMARY_KEY, constraintName, columns));
            }
        |
            <UNIQUE> { s.add(this); } columns = ParenthesizedSimpleIdentifierList() {
                elements.add(new SqlTableConstraint(s.end(this),
                    SqlTableConstraint.Kind.UNIQUE, constraintName, columns));
            }
        |
            <FOREIGN> { s.add(this); } <KEY> columns = ParenthesizedSimpleIdentifierList()
            ExaReferences() {
                elements.add(new SqlTableConstraint(s.end(this),
                    SqlTableConstraint.Kind.FOREIGN_KEY, constraintName, columns));
            }
        |
            <CHECK> { s.add(this); } <LPAREN> Expression(ExprContext.ACCEPT_NON_QUERY) <RPAREN> {
                elements.add(new SqlTableConstraint(s.end(this),
                    SqlTableConstraint.Kind.CHECK, constraintName, SqlNodeList.EMPTY));
            }
        )
    |
        id = SimpleIdentifier() { s.add(id); }
        type = DataType()
        (
            <NOT> <NULL> { notNull = true; }
        |
            <NULL> { }
        |
            <PRIMARY> <KEY> { primaryKey = true; }
        |
            <UNIQUE> { unique = true; }
        |
            <DEFAULT_> defaultValue = Expression(ExprContext.ACCEPT_NON_QUERY)
        |
            ExaReferences() {
                elements.add(new SqlTableConstraint(getPos(),
                    SqlTableConstraint.Kind.FOREIGN_KEY, null, SqlNodeList.EMPTY));
            }
        |
            <CHECK> <LPAREN> Expression(ExprContext.ACCEPT_NON_QUERY) <RPAREN> {
                elements.add(new SqlTableConstraint(getPos(),
                    SqlTableConstraint.Kind.CHECK, null, SqlNodeList.EMPTY));
            }
        )*
        {
            elements.add(new SqlColumnDefinition(s.end(this), id, type, notNull,
                defaultValue, primaryKey, unique));
        }
    )
}

/**
 * PARTITION BY column [EVERY width] | PARTITION BY RANGE (column) [EVERY width] |
 * PARTITION BY LIST (column); width is an INTERVAL or a number, optionally in parentheses.
 */
SqlPartitionBy ExaPartitionBy() :
{
    final Span s;
    final SqlIdentifier column;
    SqlPartitionBy.Method method = SqlPartitionBy.Method.DEFAULT;
    SqlLiteral every = null;
}
{
    <PARTITION> { s = span(); } <BY>
    (
        <RANGE> { method = SqlPartitionBy.Method.RANGE; }
        <LPAREN> column = SimpleIdentifier() <RPAREN>
    |
        LOOKAHEAD(2) <LIST> { method = SqlPartitionBy.Method.LIST; }
        <LPAREN> column = SimpleIdentifier() <RPAREN>
    |
        column = SimpleIdentifier()
    )
    [ <EVERY> every = ExaPartitionWidth() ]
    {
        return new SqlPartitionBy(s.end(this), column, method, every);
    }
}

SqlLiteral ExaPartitionWidth() :
{
    final SqlLiteral width;
}
{
    width = IntervalLiteral() { return width; }
|   width = UnsignedNumericLiteral() { return width; }
|   <LPAREN> width = ExaPartitionWidth() <RPAREN> { return width; }
}

/** DISTRIBUTE BY column [, ...], the list optionally in parentheses. */
SqlDistributeBy ExaDistributeBy() :
{
    final Span s;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    SqlIdentifier id;
}
{
    <DISTRIBUTE> { s = span(); } <BY>
    (
        <LPAREN> id = SimpleIdentifier() { columns.add(id); }
        ( <COMMA> id = SimpleIdentifier() { columns.add(id); } )*
        <RPAREN>
    |
        id = SimpleIdentifier() { columns.add(id); }
        (
            LOOKAHEAD(<COMMA> SimpleIdentifier() (<COMMA> | <RPAREN> | <EOF>))
            <COMMA> id = SimpleIdentifier() { columns.add(id); }
        )*
    )
    {
        return new SqlDistributeBy(s.end(this), new SqlNodeList(columns, s.pos()));
    }
}

/**
 * ALTER TABLE [IF EXISTS] name PARTITION BY ... | DISTRIBUTE BY ... | DROP PARTITION KEYS |
 * DROP DISTRIBUTION KEYS | RENAME TO new_name | RENAME [COLUMN] column TO new_name |
 * OWNER TO role | column actions (see SqlAlterColumns), and ALTER VIEW [IF EXISTS] name
 * RENAME ... | OWNER TO ... likewise.
 */
SqlNode ExaAlterTable() :
{
    final Span s;
    final SqlIdentifier id;
    boolean view = false;
    final boolean ifExists;
    SqlIdentifier column = null;
    SqlIdentifier newName;
    final List<String> owners = new ArrayList<String>();
    SqlPartitionBy partitionBy = null;
    SqlDistributeBy distributeBy = null;
    boolean dropPartitioning = false;
    boolean dropDistribution = false;
    final List<SqlAlterColumns.Action> actions = new ArrayList<SqlAlterColumns.Action>();
}
{
    <ALTER> { s = span(); } ( <TABLE> | <VIEW> { view = true; } )
    ifExists = ExaIfExists()
    id = CompoundIdentifier()
    (
        LOOKAHEAD({ getToken(1).kind == ADD || getToken(1).kind == ALTER
            || (getToken(1).kind == DROP && getToken(2).kind != PARTITION
                && getToken(2).kind != DISTRIBUTION) })
        ExaColumnAction(actions) ( <COMMA> ExaColumnAction(actions) )*
        {
            if (view) {
                throw new ParseException("ALTER VIEW cannot change columns");
            }
            return new SqlAlterColumns(s.end(this), ifExists, id, actions);
        }
    |
        <RENAME>
        (
            <TO> newName = SimpleIdentifier()
        |
            [ <COLUMN> ] column = SimpleIdentifier() <TO> newName = SimpleIdentifier()
        )
        {
            return new SqlAlterRename(s.end(this), view, ifExists, id, column, newName);
        }
    |
        LOOKAHEAD({ getToken(1).image.equalsIgnoreCase("OWNER") })
        SimpleIdentifier() <TO> ExaGrantee(owners)
        {
            return new SqlAlterOwner(s.end(this), view ? SqlAlterOwner.Kind.VIEW
                : SqlAlterOwner.Kind.TABLE, ifExists, id, owners.get(0));
        }
    |
        partitionBy = ExaPartitionBy()
    |
        distributeBy = ExaDistributeBy()
    |
        <DROP>
        (
            <PARTITION> <KEYS> { dropPartitioning = true; }
        |
            <DISTRIBUTION> <KEYS> { dropDistribution = true; }
        )
    )
    {
        if (view) {
            throw new ParseException("ALTER VIEW takes RENAME only");
        }
        return new SqlAlterTableLayout(s.end(this), ifExists, id, partitionBy, distributeBy,
            dropPartitioning, dropDistribution);
    }
}

/** One column action of ALTER TABLE (see SqlAlterColumns). */
void ExaColumnAction(List<SqlAlterColumns.Action> actions) :
{
    final List<SqlNode> elements = new ArrayList<SqlNode>();
    SqlIdentifier column;
    SqlNode value;
    boolean ifExists = false;
    boolean cascade = false;
}
{
    <ADD> [ <COLUMN> ] ifExists = ExaIfNotExists()
    ExaTableElement(elements)
    {
        SqlNode element = elements.get(0);
        actions.add(new SqlAlterColumns.Action(SqlAlterColumns.Kind.ADD,
            element instanceof SqlColumnDefinition ? ((SqlColumnDefinition) element).name : null,
            element, null, null, ifExists, false));
    }
|
    <DROP> [ <COLUMN> ] ifExists = ExaIfExists() column = SimpleIdentifier()
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    {
        actions.add(new SqlAlterColumns.Action(SqlAlterColumns.Kind.DROP, column, null, null,
            null, ifExists, cascade));
    }
|
    <ALTER> [ <COLUMN> ] column = SimpleIdentifier()
    (
        <TYPE> ExaColumnType(actions, column)
    |
        <SET>
        (
            <DATA> <TYPE> ExaColumnType(actions, column)
        |
            <NOT> <NULL> {
                actions.add(new SqlAlterColumns.Action(SqlAlterColumns.Kind.SET_NOT_NULL, column,
                    null, null, null, false, false));
            }
        |
            <DEFAULT_> value = Expression(ExprContext.ACCEPT_NON_QUERY) {
                actions.add(new SqlAlterColumns.Action(SqlAlterColumns.Kind.SET_DEFAULT, column,
                    value, null, null, false, false));
            }
        )
    |
        <DROP>
        (
            <NOT> <NULL> {
                actions.add(new SqlAlterColumns.Action(SqlAlterColumns.Kind.DROP_NOT_NULL,
                    column, null, null, null, false, false));
            }
        |
            <DEFAULT_> {
                actions.add(new SqlAlterColumns.Action(SqlAlterColumns.Kind.DROP_DEFAULT, column,
                    null, null, null, false, false));
            }
        )
    )
}

/** The new type of ALTER COLUMN ... [SET DATA] TYPE, and its USING expression. */
void ExaColumnType(List<SqlAlterColumns.Action> actions, SqlIdentifier column) :
{
    final SqlDataTypeSpec type;
    SqlNode using = null;
}
{
    type = DataType()
    [ <USING> using = Expression(ExprContext.ACCEPT_NON_QUERY) ]
    {
        actions.add(new SqlAlterColumns.Action(SqlAlterColumns.Kind.TYPE, column, null, type,
            using, false, false));
    }
}

/**
 * COMMENT ON TABLE | VIEW | SCHEMA name IS 'text' | NULL, and COMMENT ON COLUMN
 * relation.column IS ...; INDEX, FUNCTION, ROLE, DATABASE and CONSTRAINT are parsed so that
 * they can be refused as not supported.
 */
SqlNode ExaComment() :
{
    final Span s;
    SqlComment.ObjectKind kind;
    SqlIdentifier name = null;
    String text = null;
}
{
    <COMMENT> { s = span(); } <ON>
    (
        <TABLE> { kind = SqlComment.ObjectKind.TABLE; }
    |
        <VIEW> { kind = SqlComment.ObjectKind.VIEW; }
    |
        <SCHEMA> { kind = SqlComment.ObjectKind.SCHEMA; }
    |
        <COLUMN> { kind = SqlComment.ObjectKind.COLUMN; }
    |
        <INDEX> { kind = SqlComment.ObjectKind.INDEX; }
    |
        <FUNCTION> { kind = SqlComment.ObjectKind.FUNCTION; }
    |
        <ROLE> { kind = SqlComment.ObjectKind.ROLE; }
    |
        <DATABASE> { kind = SqlComment.ObjectKind.DATABASE; }
    |
        <CONSTRAINT> { kind = SqlComment.ObjectKind.CONSTRAINT; }
    )
    name = CompoundIdentifier()
    [ <ON> CompoundIdentifier() ]
    <IS>
    (
        text = SimpleStringLiteral()
    |
        <NULL>
    )
    {
        return new SqlComment(s.end(this), kind, name, text);
    }
}

/**
 * CREATE [OR REPLACE] VIEW name [(column, ...)] AS query. The statement keeps where the query's
 * text starts, so that the view can store the query as the user wrote it.
 */
SqlCreate ExaCreateView(Span s, boolean replace) :
{
    final SqlIdentifier id;
    SqlNodeList columns = null;
    final SqlNode query;
    final Token queryStart;
}
{
    <VIEW>
    id = CompoundIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    <AS> { queryStart = getToken(1); }
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlCreateViewStatement(s.end(this), replace, id, columns, query,
            queryStart.beginLine, queryStart.beginColumn);
    }
}

/** DROP VIEW [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
SqlDrop ExaDropView(Span s, boolean replace) :
{
    final boolean ifExists;
    final List<SqlNode> names = new ArrayList<SqlNode>();
    SqlIdentifier id;
    boolean cascade = false;
}
{
    <VIEW>
    ifExists = ExaIfExists()
    id = CompoundIdentifier() { names.add(id); }
    ( <COMMA> id = CompoundIdentifier() { names.add(id); } )*
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    {
        return new SqlDropStatement(s.end(this), SqlDropStatement.Target.VIEW, ifExists,
            new SqlNodeList(names, s.pos()), cascade);
    }
}

/** DROP TABLE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
SqlDrop ExaDropTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final List<SqlNode> names = new ArrayList<SqlNode>();
    SqlIdentifier id;
    boolean cascade = false;
}
{
    <TABLE>
    ifExists = ExaIfExists()
    id = CompoundIdentifier() { names.add(id); }
    ( <COMMA> id = CompoundIdentifier() { names.add(id); } )*
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    {
        return new SqlDropStatement(s.end(this), SqlDropStatement.Target.TABLE, ifExists,
            new SqlNodeList(names, s.pos()), cascade);
    }
}

/**
 * TRUNCATE [TABLE] [ONLY] name [, ...] [CONTINUE IDENTITY] [RESTRICT]; RESTART IDENTITY and
 * CASCADE are recognised so that they can be refused by name.
 */
SqlNode ExaTruncateTable() :
{
    final Span s;
    final List<SqlNode> names = new ArrayList<SqlNode>();
    SqlIdentifier id;
    final List<String> unsupported = new ArrayList<String>();
}
{
    <TRUNCATE> { s = span(); }
    [ <TABLE> ]
    [ <ONLY> ]
    id = CompoundIdentifier() { names.add(id); }
    ( <COMMA> id = CompoundIdentifier() { names.add(id); } )*
    [
        <RESTART> <IDENTITY> { unsupported.add("TRUNCATE ... RESTART IDENTITY"); }
    |
        <CONTINUE> <IDENTITY>
    ]
    [ <CASCADE> { unsupported.add("TRUNCATE ... CASCADE"); } | <RESTRICT> ]
    {
        return new SqlTruncateTable(s.end(this), new SqlNodeList(names, s.pos()),
            unsupported);
    }
}

/**
 * COPY table [(column, ...)] | (query) FROM STDIN | TO STDOUT | 'file' | PROGRAM 'command'
 * [[WITH] (option [value], ...) | legacy options].
 */
SqlNode ExaCopy() :
{
    final Span s;
    SqlIdentifier table = null;
    SqlNodeList columns = null;
    SqlNode query = null;
    final boolean from;
    String endpoint;
    SqlIdentifier id;
    final List<SqlNode> names = new ArrayList<SqlNode>();
    final List<SqlCopyOption> copyOptions = new ArrayList<SqlCopyOption>();
}
{
    <COPY> { s = span(); }
    (
        table = CompoundIdentifier()
        [
            <LPAREN> id = SimpleIdentifier() { names.add(id); }
            ( <COMMA> id = SimpleIdentifier() { names.add(id); } )*
            <RPAREN> { columns = new SqlNodeList(names, s.pos()); }
        ]
    |
        <LPAREN> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) <RPAREN>
    )
    ( <FROM> { from = true; } | <TO> { from = false; } )
    (
        <STDIN> { endpoint = "STDIN"; }
    |   <STDOUT> { endpoint = "STDOUT"; }
    |   <PROGRAM> SimpleStringLiteral() { endpoint = "PROGRAM"; }
    |   SimpleStringLiteral() { endpoint = "FILE"; }
    )
    [ <WITH> ]
    [
        <LPAREN> ExaCopyOption(copyOptions) ( <COMMA> ExaCopyOption(copyOptions) )* <RPAREN>
    |
        ( ExaCopyLegacyOption(copyOptions) )+
    ]
    {
        return new SqlCopy(s.end(this), table, columns, query, from, endpoint, copyOptions);
    }
}

/** A word in COPY copyOptions: an identifier, or a keyword PostgreSQL allows there. */
String ExaCopyWord() :
{
    final String word;
}
{
    (
        word = Identifier()
    |   <NULL> { word = "NULL"; }
    |   <ESCAPE> { word = "ESCAPE"; }
    |   <BINARY> { word = "BINARY"; }
    |   <ON> { word = "ON"; }
    |   <TRUE> { word = "TRUE"; }
    |   <FALSE> { word = "FALSE"; }
    |   <DEFAULT_> { word = "DEFAULT"; }
    |   <MATCH> { word = "MATCH"; }
    )
    { return word.toLowerCase(Locale.ROOT); }
}

/** name [value | * | (column, ...)] in COPY ... WITH (...). */
void ExaCopyOption(List<SqlCopyOption> copyOptions) :
{
    final String name;
    String value = null;
    SqlNumericLiteral n;
    SqlIdentifier id;
    final List<String> columns = new ArrayList<String>();
    boolean star = false;
}
{
    name = ExaCopyWord()
    [
        value = SimpleStringLiteral()
    |   value = ExaCopyWord()
    |   n = UnsignedNumericLiteral() { value = n.toValue(); }
    |   <STAR> { star = true; }
    |   <LPAREN> id = SimpleIdentifier() { columns.add(id.getSimple()); }
        ( <COMMA> id = SimpleIdentifier() { columns.add(id.getSimple()); } )*
        <RPAREN>
    ]
    { copyOptions.add(new SqlCopyOption(name, value, columns, star)); }
}

/** The copyOptions of COPY before PostgreSQL 9.0: CSV HEADER DELIMITER ',' and so on. */
void ExaCopyLegacyOption(List<SqlCopyOption> copyOptions) :
{
    final String name;
    String value;
    SqlIdentifier id;
    final List<String> columns = new ArrayList<String>();
    boolean star = false;
}
{
    <BINARY> { copyOptions.add(new SqlCopyOption("format", "binary", columns, false)); }
|   <NULL> [ <AS> ] value = SimpleStringLiteral() {
        copyOptions.add(new SqlCopyOption("null", value, columns, false));
    }
|   <ESCAPE> [ <AS> ] value = SimpleStringLiteral() {
        copyOptions.add(new SqlCopyOption("escape", value, columns, false));
    }
|   name = Identifier()
    (
        LOOKAHEAD(1, { name.equalsIgnoreCase("FORCE") })
        (
            <NOT> <NULL> { value = "force_not_null"; }
        |   <NULL> { value = "force_null"; }
        |   LOOKAHEAD(1) value = Identifier() { value = "force_" + value.toLowerCase(Locale.ROOT); }
        )
        (
            <STAR> { star = true; }
        |   id = SimpleIdentifier() { columns.add(id.getSimple()); }
            ( <COMMA> id = SimpleIdentifier() { columns.add(id.getSimple()); } )*
        )
        { copyOptions.add(new SqlCopyOption(value, null, columns, star)); }
    |
        LOOKAHEAD(1, { name.equalsIgnoreCase("DELIMITER") || name.equalsIgnoreCase("QUOTE") })
        [ <AS> ] value = SimpleStringLiteral() {
            copyOptions.add(new SqlCopyOption(name.toLowerCase(Locale.ROOT), value, columns, false));
        }
    |
        { copyOptions.add(new SqlCopyOption(name.toLowerCase(Locale.ROOT), null, columns, false)); }
    )
}

/**
 * VACUUM [FULL] [ANALYZE] [VERBOSE] [table, ...], or VACUUM (option [value], ...) [table, ...]:
 * compacts the tables' segments now.
 */
SqlNode ExaVacuum() :
{
    final Span s;
    final List<SqlNode> names = new ArrayList<SqlNode>();
    SqlIdentifier id;
    final List<SqlCopyOption> ignored = new ArrayList<SqlCopyOption>();
    boolean analyze = false;
}
{
    <VACUUM> { s = span(); }
    (
        <LPAREN> ExaCopyOption(ignored) ( <COMMA> ExaCopyOption(ignored) )* <RPAREN>
    |
        ( <FULL> | <ANALYZE> { analyze = true; } | <VERBOSE> )*
    )
    [
        id = CompoundIdentifier() { names.add(id); }
        ( <COMMA> id = CompoundIdentifier() { names.add(id); } )*
    ]
    {
        for (SqlCopyOption option : ignored) {
            if (option.name().equalsIgnoreCase("analyze")) {
                analyze = true;
            }
        }
        return new SqlVacuum(s.end(this), new SqlNodeList(names, s.pos()), true, analyze);
    }
}

/** ANALYZE [VERBOSE] [table, ...]: gathers the tables' statistics (all tables when none). */
SqlNode ExaAnalyze() :
{
    final Span s;
    final List<SqlNode> names = new ArrayList<SqlNode>();
    SqlIdentifier id;
}
{
    <ANALYZE> { s = span(); }
    [ <VERBOSE> ]
    [
        id = CompoundIdentifier() { names.add(id); }
        ( <COMMA> id = CompoundIdentifier() { names.add(id); } )*
    ]
    {
        return new SqlVacuum(s.end(this), new SqlNodeList(names, s.pos()), false, true);
    }
}

/** CHECKPOINT. */
SqlNode ExaCheckpoint() :
{
}
{
    <CHECKPOINT> { return new SqlCheckpoint(getPos()); }
}

/** DISCARD ALL | PLANS | SEQUENCES | TEMP | TEMPORARY. */
SqlNode ExaDiscard() :
{
    final Span s;
    SqlDiscard.What what;
}
{
    <DISCARD> { s = span(); }
    (
        <ALL> { what = SqlDiscard.What.ALL; }
    |
        <PLANS> { what = SqlDiscard.What.PLANS; }
    |
        <SEQUENCES> { what = SqlDiscard.What.SEQUENCES; }
    |
        ( <TEMP> | <TEMPORARY> ) { what = SqlDiscard.What.TEMP; }
    )
    {
        return new SqlDiscard(s.end(this), what);
    }
}

/**
 * PostgreSQL's postfix cast, "expr::type" or "expr::type[]", which binds tighter than any
 * other operator.
 */
void ExaInfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    SqlDataTypeSpec type;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
    }
    type = DataType()
    (
        LOOKAHEAD(2) <LBRACKET> <RBRACKET> {
            type = new SqlDataTypeSpec(new SqlCollectionTypeNameSpec(type.getTypeNameSpec(),
                SqlTypeName.ARRAY, getPos()), getPos());
        }
    )*
    {
        final SqlNode operand = (SqlNode) list.remove(list.size() - 1);
        list.add(io.exapg.planner.validate.PgCast.INSTANCE.createCall(
            operand.getParserPosition().plus(getPos()), operand, type));
    }
}

/** CREATE SCHEMA [IF NOT EXISTS] name. */
SqlCreate ExaCreateSchema(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
}
{
    <SCHEMA>
    ifNotExists = ExaIfNotExists()
    id = SimpleIdentifier()
    {
        return SqlDdlNodes.createSchema(s.end(this), replace, ifNotExists, id);
    }
}

/** DROP SCHEMA [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
SqlDrop ExaDropSchema(Span s, boolean replace) :
{
    final boolean ifExists;
    final List<SqlNode> names = new ArrayList<SqlNode>();
    SqlIdentifier id;
    boolean cascade = false;
}
{
    <SCHEMA>
    ifExists = ExaIfExists()
    id = SimpleIdentifier() { names.add(id); }
    ( <COMMA> id = SimpleIdentifier() { names.add(id); } )*
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    {
        return new SqlDropStatement(s.end(this), SqlDropStatement.Target.SCHEMA, ifExists,
            new SqlNodeList(names, s.pos()), cascade);
    }
}

/**
 * PostgreSQL's session functions, also with empty parentheses: current_schema(),
 * current_user, session_user, current_catalog, current_role.
 */
SqlNode ExaSessionFunctionCall() :
{
    final SqlIdentifier id;
}
{
    (
        <CURRENT_SCHEMA>
    |   <CURRENT_USER>
    |   <SESSION_USER>
    |   <CURRENT_CATALOG>
    |   <CURRENT_ROLE>
    )
    { id = new SqlIdentifier(unquotedIdentifier(), getPos()); }
    [ LOOKAHEAD(2) <LPAREN> <RPAREN> ]
    { return id; }
}

/**
 * DECLARE name [BINARY] [INSENSITIVE] [[NO] SCROLL] CURSOR [WITH | WITHOUT HOLD] FOR query.
 */
SqlNode ExaDeclareCursor() :
{
    final Span s;
    final SqlIdentifier name;
    boolean binary = false;
    boolean scroll = false;
    boolean hold = false;
    final SqlNode query;
}
{
    <DECLARE> { s = span(); }
    name = SimpleIdentifier()
    [ <BINARY> { binary = true; } ]
    [ <INSENSITIVE> ]
    [ <NO> <SCROLL> | <SCROLL> { scroll = true; } ]
    <CURSOR>
    [ <WITH> <HOLD> { hold = true; } | <WITHOUT> <HOLD> ]
    <FOR>
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlDeclareCursor(s.end(this), name, binary, scroll, hold, query);
    }
}

/** FETCH | MOVE [direction] [FROM | IN] cursor. */
SqlNode ExaFetchCursor() :
{
    final Span s;
    final boolean move;
    long count = 1;
    String backward = null;
    final SqlIdentifier name;
}
{
    ( <FETCH> { move = false; } | <MOVE> { move = true; } )
    { s = span(); }
    [
        <NEXT>
    |   <PRIOR> { backward = "PRIOR"; }
    |   <FIRST> { backward = "FIRST"; }
    |   <LAST> { backward = "LAST"; }
    |   <ABSOLUTE> ExaFetchCount() { backward = "ABSOLUTE"; }
    |   <RELATIVE> ExaFetchCount() { backward = "RELATIVE"; }
    |   <ALL> { count = Long.MAX_VALUE; }
    |   <FORWARD> [ count = ExaFetchCount() | <ALL> { count = Long.MAX_VALUE; } ]
    |   <BACKWARD> [ ExaFetchCount() | <ALL> ] { backward = "BACKWARD"; }
    |   count = ExaFetchCount()
    ]
    [ <FROM> | <IN> ]
    name = SimpleIdentifier()
    {
        if (count < 0 && backward == null) {
            backward = "a negative count";
        }
        return new SqlFetchCursor(s.end(this), move, name, count, backward);
    }
}

long ExaFetchCount() :
{
    boolean negative = false;
}
{
    [ <MINUS> { negative = true; } | <PLUS> ]
    <UNSIGNED_INTEGER_LITERAL>
    {
        long value = Long.parseLong(token.image);
        return negative ? -value : value;
    }
}

/** CLOSE cursor | ALL. */
SqlNode ExaCloseCursor() :
{
    final Span s;
    SqlIdentifier name = null;
}
{
    <CLOSE> { s = span(); }
    ( <ALL> | name = SimpleIdentifier() )
    {
        return new SqlCloseCursor(s.end(this), name);
    }
}

/**
 * PostgreSQL's regular expression match operators "~", "~*", "!~", "!~*", also written
 * OPERATOR(pg_catalog.~) as psql does; a COLLATE clause after the pattern is accepted and
 * has no effect (there is only the default collation).
 */
void ExaRegexMatch(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
    final SqlNode pattern;
}
{
    (
        op = ExaRegexOperator()
    |
        <OPERATOR> <LPAREN> [ LOOKAHEAD(2) SimpleIdentifier() <DOT> ]
        op = ExaRegexOperator()
        <RPAREN>
    )
    {
        checkNonQueryExpression(exprContext);
    }
    pattern = Expression3(ExprContext.ACCEPT_SUB_QUERY)
    [
        <COLLATE> [ LOOKAHEAD(2) SimpleIdentifier() <DOT> ]
        ( SimpleIdentifier() | <DEFAULT_> )
    ]
    {
        list.add(new SqlParserUtil.ToTreeListItem(op, s.pos()));
        list.add(pattern);
    }
}

/** a ^ b: PostgreSQL's exponentiation. */
void ExaPower(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlNode exponent;
}
{
    <CARET> { checkNonQueryExpression(exprContext); }
    exponent = Expression3(ExprContext.ACCEPT_SUB_QUERY)
    {
        list.add(new SqlParserUtil.ToTreeListItem(ExaOperators.POWER, s.pos()));
        list.add(exponent);
    }
}

SqlOperator ExaRegexOperator() :
{
}
{
    <TILDE> { return SqlStdOperatorTable.POSIX_REGEX_CASE_SENSITIVE; }
|   <TILDE_STAR> { return SqlStdOperatorTable.POSIX_REGEX_CASE_INSENSITIVE; }
|   <NOT_TILDE> { return SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_SENSITIVE; }
|   <NOT_TILDE_STAR> { return SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_INSENSITIVE; }
}

/** CREATE ROLE | USER | GROUP name [WITH] option ... */
SqlNode ExaCreateRole() :
{
    final Span s;
    boolean user = false;
    final SqlIdentifier id;
    final List<SqlNode> words = new ArrayList<SqlNode>();
}
{
    <CREATE> { s = span(); } ( <ROLE> | <USER> { user = true; } | <GROUP> )
    id = SimpleIdentifier()
    [ <WITH> ]
    ( ExaRoleWord(words) )*
    {
        return new SqlRoleStatement(s.end(this), true, user, id,
            new SqlNodeList(words, s.pos()));
    }
}

/** ALTER ROLE | USER name [WITH] option ... | RENAME TO new_name. */
/** ALTER SCHEMA name OWNER TO role. */
SqlNode ExaAlterSchema() :
{
    final Span s;
    final SqlIdentifier id;
    final List<String> owners = new ArrayList<String>();
}
{
    <ALTER> { s = span(); } <SCHEMA>
    id = SimpleIdentifier()
    LOOKAHEAD({ getToken(1).image.equalsIgnoreCase("OWNER") })
    SimpleIdentifier() <TO> ExaGrantee(owners)
    {
        return new SqlAlterOwner(s.end(this), SqlAlterOwner.Kind.SCHEMA, false, id,
            owners.get(0));
    }
}

SqlNode ExaAlterRole() :
{
    final Span s;
    boolean user = false;
    final SqlIdentifier id;
    final List<SqlNode> words = new ArrayList<SqlNode>();
}
{
    <ALTER> { s = span(); } ( <ROLE> | <USER> { user = true; } | <GROUP> )
    id = SimpleIdentifier()
    [ <WITH> ]
    ( ExaRoleWord(words) )*
    {
        return new SqlRoleStatement(s.end(this), false, user, id,
            new SqlNodeList(words, s.pos()));
    }
}

/**
 * One word or literal of a role's words; keywords among them (CONNECTION LIMIT, IN ROLE,
 * ADMIN, TO) become identifiers, so that RoleOptions reads one flat list.
 */
void ExaRoleWord(List<SqlNode> words) :
{
    SqlNode node;
}
{
    (
        LOOKAHEAD(1)
        ( <CONNECTION> | <LIMIT> | <IN> | <ROLE> | <ADMIN> | <USER> | <TO> | <COMMA> ) {
            node = new SqlIdentifier(unquotedIdentifier(), getPos());
        }
    |   node = SimpleIdentifier()
    |   node = StringLiteral()
    |   node = UnsignedNumericLiteral()
    |   <MINUS> node = UnsignedNumericLiteral() {
            node = SqlLiteral.createNegative((SqlNumericLiteral) node, getPos());
        }
    |   <NULL> { node = SqlLiteral.createNull(getPos()); }
    )
    { words.add(node); }
}

/** DROP ROLE | USER | GROUP [IF EXISTS] name [, ...]. */
SqlNode ExaDropRole() :
{
    final Span s;
    final boolean ifExists;
    final List<SqlNode> names = new ArrayList<SqlNode>();
    SqlIdentifier id;
}
{
    <DROP> { s = span(); } ( <ROLE> | <USER> | <GROUP> )
    ifExists = ExaIfExists()
    id = SimpleIdentifier() { names.add(id); }
    ( <COMMA> id = SimpleIdentifier() { names.add(id); } )*
    {
        return new SqlDropStatement(s.end(this), SqlDropStatement.Target.ROLE, ifExists,
            new SqlNodeList(names, s.pos()), false);
    }
}

/**
 * GRANT privileges ON [TABLE] name, ... | SCHEMA name, ... | ALL TABLES IN SCHEMA name, ... |
 * DATABASE name TO grantee, ... [WITH GRANT OPTION], and GRANT role, ... TO role, ...
 * [WITH ADMIN OPTION].
 */
SqlNode ExaGrant() :
{
    final Span s;
    final List<String> privileges = new ArrayList<String>();
    final List<String> grantees = new ArrayList<String>();
    final List<SqlNode> objects = new ArrayList<SqlNode>();
    boolean all = false;
    boolean[] columns = {false};
    boolean grantOption = false;
    SqlGrant.ObjectKind kind = SqlGrant.ObjectKind.ROLE;
}
{
    <GRANT> { s = span(); }
    (
        <ALL> [ <PRIVILEGES> ] { all = true; } [ ExaColumnList(columns) ]
    |
        ExaPrivilegeWord(privileges, columns)
        ( <COMMA> ExaPrivilegeWord(privileges, columns) )*
    )
    [ <ON> kind = ExaGrantObjects(objects) ]
    <TO> ExaGrantee(grantees) ( <COMMA> ExaGrantee(grantees) )*
    [ <WITH> ( <GRANT> | <ADMIN> ) <OPTION> { grantOption = true; } ]
    {
        return new SqlGrant(s.end(this), false, privileges, all, kind,
            new SqlNodeList(objects, s.pos()), grantees, grantOption, columns[0], false);
    }
}

/** REVOKE [GRANT OPTION FOR] privileges ON objects FROM grantee, ... [CASCADE | RESTRICT]. */
SqlNode ExaRevoke() :
{
    final Span s;
    final List<String> privileges = new ArrayList<String>();
    final List<String> grantees = new ArrayList<String>();
    final List<SqlNode> objects = new ArrayList<SqlNode>();
    boolean all = false;
    boolean[] columns = {false};
    boolean grantOption = false;
    boolean cascade = false;
    SqlGrant.ObjectKind kind = SqlGrant.ObjectKind.ROLE;
}
{
    <REVOKE> { s = span(); }
    [ LOOKAHEAD(2) ( <GRANT> | <ADMIN> ) <OPTION> <FOR> { grantOption = true; } ]
    (
        <ALL> [ <PRIVILEGES> ] { all = true; } [ ExaColumnList(columns) ]
    |
        ExaPrivilegeWord(privileges, columns)
        ( <COMMA> ExaPrivilegeWord(privileges, columns) )*
    )
    [ <ON> kind = ExaGrantObjects(objects) ]
    <FROM> ExaGrantee(grantees) ( <COMMA> ExaGrantee(grantees) )*
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    {
        return new SqlGrant(s.end(this), true, privileges, all, kind,
            new SqlNodeList(objects, s.pos()), grantees, grantOption, columns[0], cascade);
    }
}

/** A privilege (or, in GRANT role TO role, a role name), with an optional column list. */
void ExaPrivilegeWord(List<String> privileges, boolean[] columns) :
{
    final SqlIdentifier id;
}
{
    (
        LOOKAHEAD(1)
        ( <SELECT> | <INSERT> | <UPDATE> | <DELETE> | <TRUNCATE> | <REFERENCES> | <TRIGGER>
        | <USAGE> | <CREATE> | <CONNECT> | <TEMPORARY> | <TEMP> | <EXECUTE> ) {
            privileges.add(token.image.toUpperCase(java.util.Locale.ROOT));
        }
    |   id = SimpleIdentifier() { privileges.add(id.getSimple()); }
    )
    [ ExaColumnList(columns) ]
}

void ExaColumnList(boolean[] columns) :
{
}
{
    <LPAREN> SimpleIdentifier() ( <COMMA> SimpleIdentifier() )* <RPAREN> { columns[0] = true; }
}

SqlGrant.ObjectKind ExaGrantObjects(List<SqlNode> objects) :
{
    SqlIdentifier id;
    SqlGrant.ObjectKind kind = SqlGrant.ObjectKind.TABLE;
}
{
    (
        LOOKAHEAD(1)
        <SCHEMA> { kind = SqlGrant.ObjectKind.SCHEMA; }
        id = SimpleIdentifier() { objects.add(id); }
        ( <COMMA> id = SimpleIdentifier() { objects.add(id); } )*
    |
        LOOKAHEAD(1)
        <DATABASE> { kind = SqlGrant.ObjectKind.DATABASE; }
        id = SimpleIdentifier() { objects.add(id); }
        ( <COMMA> id = SimpleIdentifier() { objects.add(id); } )*
    |
        <ALL> id = SimpleIdentifier() {
            if (!id.getSimple().equalsIgnoreCase("tables")) {
                throw new ParseException("expected ALL TABLES IN SCHEMA");
            }
            kind = SqlGrant.ObjectKind.ALL_TABLES_IN_SCHEMA;
        }
        <IN> <SCHEMA>
        id = SimpleIdentifier() { objects.add(id); }
        ( <COMMA> id = SimpleIdentifier() { objects.add(id); } )*
    |
        [ <TABLE> ]
        id = CompoundIdentifier() { objects.add(id); }
        ( <COMMA> id = CompoundIdentifier() { objects.add(id); } )*
    )
    { return kind; }
}

/** [GROUP] role_name | PUBLIC | CURRENT_USER | SESSION_USER | CURRENT_ROLE. */
void ExaGrantee(List<String> grantees) :
{
    final SqlIdentifier id;
}
{
    [ <GROUP> ]
    (
        LOOKAHEAD(1)
        <PUBLIC> { grantees.add("public"); }
    |   ( <CURRENT_USER> | <SESSION_USER> | <CURRENT_ROLE> ) {
            grantees.add(token.image.toUpperCase(java.util.Locale.ROOT));
        }
    |   id = SimpleIdentifier() { grantees.add(id.getSimple()); }
    )
}

/**
 * CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table [USING method]
 * (column [ASC | DESC] [NULLS FIRST | LAST], ...) [INCLUDE (...)] [WHERE ...].
 */
SqlNode ExaCreateIndex() :
{
    final Span s;
    boolean unique = false;
    boolean ifNotExists = false;
    SqlIdentifier name = null;
    final SqlIdentifier table;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    SqlIdentifier column;
    String unsupported = null;
}
{
    <CREATE> { s = span(); } [ <UNIQUE> { unique = true; } ] <INDEX>
    [ LOOKAHEAD({ getToken(1).image.equalsIgnoreCase("concurrently") }) SimpleIdentifier() ]
    ifNotExists = ExaIfNotExists()
    [ name = SimpleIdentifier() ]
    <ON> [ <ONLY> ] table = CompoundIdentifier()
    [ <USING> SimpleIdentifier() ]
    <LPAREN>
    (
        column = SimpleIdentifier() { columns.add(column); }
    |
        <LPAREN> Expression(ExprContext.ACCEPT_NON_QUERY) <RPAREN> {
            unsupported = "indexes on expressions";
        }
    )
    [ <ASC> | <DESC> ] [ <NULLS> ( <FIRST> | <LAST> ) ]
    (
        <COMMA>
        (
            column = SimpleIdentifier() { columns.add(column); }
        |
            <LPAREN> Expression(ExprContext.ACCEPT_NON_QUERY) <RPAREN> {
                unsupported = "indexes on expressions";
            }
        )
        [ <ASC> | <DESC> ] [ <NULLS> ( <FIRST> | <LAST> ) ]
    )*
    <RPAREN>
    [ <INCLUDE> ParenthesizedSimpleIdentifierList() { unsupported = "INCLUDE columns"; } ]
    [ <WHERE> Expression(ExprContext.ACCEPT_NON_QUERY) { unsupported = "partial indexes"; } ]
    {
        return new SqlCreateIndex(s.end(this), unique, ifNotExists, name, table,
            new SqlNodeList(columns, s.pos()), unsupported);
    }
}

/** DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
SqlDrop ExaDropIndex(Span s, boolean replace) :
{
    final boolean ifExists;
    final List<SqlNode> names = new ArrayList<SqlNode>();
    SqlIdentifier id;
    boolean cascade = false;
}
{
    <INDEX>
    [ LOOKAHEAD({ getToken(1).image.equalsIgnoreCase("concurrently") }) SimpleIdentifier() ]
    ifExists = ExaIfExists()
    id = CompoundIdentifier() { names.add(id); }
    ( <COMMA> id = CompoundIdentifier() { names.add(id); } )*
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    {
        return new SqlDropStatement(s.end(this), SqlDropStatement.Target.INDEX, ifExists,
            new SqlNodeList(names, s.pos()), cascade);
    }
}

/**
 * REFERENCES table [(column, ...)] [MATCH FULL | SIMPLE] [ON DELETE | UPDATE action]...
 * [[NOT] DEFERRABLE]: read so that CREATE TABLE can refuse foreign keys by name (0A000).
 */
void ExaReferences() :
{
}
{
    <REFERENCES> CompoundIdentifier() [ ParenthesizedSimpleIdentifierList() ]
    (
        <MATCH> SimpleIdentifier()
    |
        <ON> ( <DELETE> | <UPDATE> )
        (
            <CASCADE>
        |   <RESTRICT>
        |   <NO> <ACTION>
        |   <SET> ( <NULL> | <DEFAULT_> )
        )
    |
        [ <NOT> ] <DEFERRABLE>
    )*
}
