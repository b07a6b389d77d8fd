package io.exapg.planner.validate;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.planner.catalog.SearchPath;
import io.exapg.planner.catalog.pg.PgOids;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.catalog.ViewDef;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * 'name'::regclass: replaced by the OID of the relation the name finds (PostgreSQL's fixed
 * OIDs for the pg_catalog tables), as PostgreSQL resolves it when the statement is planned;
 * an unknown name is 42P01. 'pg_catalog.f'::regproc is the function's name, as pg_type holds
 * its I/O functions.
 */
public final class RegclassLiterals extends SqlShuttle {
  private static final Map<String, Integer> SYSTEM_TABLES = Map.ofEntries(
      Map.entry("pg_type", 1247), Map.entry("pg_attribute", 1249), Map.entry("pg_proc", 1255),
      Map.entry("pg_class", 1259), Map.entry("pg_database", 1262),
      Map.entry("pg_tablespace", 1213), Map.entry("pg_am", 2601),
      Map.entry("pg_attrdef", 2604), Map.entry("pg_constraint", 2606),
      Map.entry("pg_description", 2609), Map.entry("pg_index", 2610),
      Map.entry("pg_inherits", 2611), Map.entry("pg_namespace", 2615));

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
        && call.operand(0) instanceof SqlCharStringLiteral name
        && call.operand(1) instanceof SqlDataTypeSpec type
        && type.getTypeNameSpec().getTypeName().names.getLast().equalsIgnoreCase("regproc")) {
      String function = name.getValueAs(String.class);
      return SqlLiteral.createCharString(function.startsWith("pg_catalog.")
          ? function.substring("pg_catalog.".length()) : function, call.getParserPosition());
    }
    return super.visit(call);
  }

  private int oid(String text) {
    List<String> names = Arrays.stream(text.split("\\.")).map(part -> part.startsWith("\"")
        ? part.substring(1, part.length() - 1) : part.toLowerCase(Locale.ROOT)).toList();
    String last = names.getLast();
    if (SYSTEM_TABLES.containsKey(last)
        && (names.size() == 1 || names.get(0).equals("pg_catalog"))) {
      return SYSTEM_TABLES.get(last);
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
