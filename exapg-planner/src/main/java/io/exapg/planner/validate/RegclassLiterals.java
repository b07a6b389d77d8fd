package io.exapg.planner.validate;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.planner.catalog.SearchPath;
import io.exapg.planner.catalog.pg.PgBuiltinFunctions;
import io.exapg.planner.catalog.pg.PgOids;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.catalog.ViewDef;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * 'name'::regclass: replaced by the OID of the relation the name finds (PostgreSQL's fixed
 * OIDs for the pg_catalog tables), as PostgreSQL resolves it when the statement is planned;
 * an unknown name is 42P01. 'pg_catalog.f'::regproc likewise, for the functions pg_proc
 * lists (42883 for others). A cast to regclass of a value computed while the query runs
 * becomes regclassin(value), which finds the relation by its spelled-out name then.
 */
public final class RegclassLiterals extends SqlShuttle {

  private final Catalog catalog;
  private final SearchPath searchPath;

  private RegclassLiterals(Catalog catalog, SearchPath searchPath) {
    this.catalog = catalog;
    this.searchPath = searchPath;
  }

  public static SqlNode resolve(SqlNode statement, Catalog catalog, SearchPath searchPath) {
    return statement.accept(new RegclassLiterals(catalog, searchPath));
  }

  @Override
  public SqlNode visit(SqlCall call) {
    if (call.getKind() == SqlKind.CAST && call.operandCount() == 2
        && call.operand(0) instanceof SqlCharStringLiteral name
        && call.operand(1) instanceof SqlDataTypeSpec type
        && type.getTypeNameSpec().getTypeName().names.getLast().equalsIgnoreCase("regclass")) {
      int oid = oid(name.getValueAs(String.class));
      return SqlLiteral.createExactNumeric(Integer.toString(oid), call.getParserPosition());
    }
    if (call.getKind() == SqlKind.CAST && call.operandCount() == 2
        && !(call.operand(0) instanceof SqlLiteral)
        && call.operand(1) instanceof SqlDataTypeSpec type
        && type.getTypeNameSpec().getTypeName().names.getLast().equalsIgnoreCase("regclass")) {
      SqlNode name = call.operand(0).accept(this);
      return PgCatalogFunctions.REGCLASS_IN.createCall(call.getParserPosition(),
          SqlStdOperatorTable.CAST.createCall(call.getParserPosition(), name,
              new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR,
                  call.getParserPosition()), call.getParserPosition())));
    }
    if (call.getKind() == SqlKind.CAST && call.operandCount() == 2
        && call.operand(0) instanceof SqlCharStringLiteral name
        && call.operand(1) instanceof SqlDataTypeSpec type
        && type.getTypeNameSpec().getTypeName().names.getLast().equalsIgnoreCase("regproc")) {
      String function = name.getValueAs(String.class);
      int oid = PgBuiltinFunctions.oid(function.startsWith("pg_catalog.")
          ? function.substring("pg_catalog.".length()) : function);
      if (oid == 0) {
        throw new ExaException(SqlState.UNDEFINED_FUNCTION,
            "function \"" + function + "\" does not exist");
      }
      return SqlLiteral.createExactNumeric(Integer.toString(oid), call.getParserPosition());
    }
    return super.visit(call);
  }

  private int oid(String text) {
    List<String> names = Arrays.stream(text.split("\\.")).map(part -> part.startsWith("\"")
        ? part.substring(1, part.length() - 1) : part.toLowerCase(Locale.ROOT)).toList();
    String last = names.getLast();
    if (PgOids.SYSTEM_TABLES.containsKey(last)
        && (names.size() == 1 || names.get(0).equals("pg_catalog"))) {
      return PgOids.SYSTEM_TABLES.get(last);
    }
    String[] relation = names.size() <= 2 ? searchPath.relation(catalog, names) : null;
    TableDef table = relation == null ? null : catalog.table(relation[0], relation[1]);
    if (table != null) {
      return PgOids.relation(table.id());
    }
    ViewDef view = relation == null ? null : catalog.view(relation[0], relation[1]);
    if (view != null) {
      return PgOids.relation(view.id());
    }
    throw new ExaException(SqlState.UNDEFINED_TABLE,
        "relation \"" + text + "\" does not exist");
  }
}
