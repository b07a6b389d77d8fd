package io.exapg.planner.engine;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.DataType;
import io.exapg.core.type.TypeId;
import io.exapg.planner.parser.SqlDistributeBy;
import io.exapg.planner.parser.SqlPartitionBy;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.PartitionSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.parser.SqlParserUtil;

/** Turns PARTITION BY and DISTRIBUTE BY clauses into what the catalog stores, or 42xxx. */
final class TableLayouts {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private TableLayouts() {
  }

  static PartitionSpec partitioning(SqlPartitionBy clause, List<ColumnDef> columns) {
    String name = clause.column.getSimple();
    DataType type = column(name, columns).type();
    boolean temporal = type.id() == TypeId.DATE || type.id() == TypeId.TIMESTAMP;
    boolean numeric = type.isNumeric();
    SqlLiteral every = clause.every;
    if (clause.method == SqlPartitionBy.Method.LIST) {
      if (every != null) {
        throw new ExaException(SqlState.INVALID_TABLE_DEFINITION,
            "list partitioning takes no EVERY width");
      }
      return PartitionSpec.list(name);
    }
    if (temporal) {
      return every == null ? PartitionSpec.timeRange(name, PartitionSpec.TimeUnit.MONTH, 1)
          : timeRange(name, every, type);
    }
    if (every instanceof SqlIntervalLiteral) {
      throw new ExaException(SqlState.DATATYPE_MISMATCH, "partition column \"" + name
          + "\" is of type " + type.sqlName() + "; an INTERVAL width needs a date or timestamp");
    }
    if (numeric && every != null) {
      return PartitionSpec.valueRange(name, width((SqlNumericLiteral) every, type, name));
    }
    if (clause.method == SqlPartitionBy.Method.RANGE) {
      throw new ExaException(SqlState.INVALID_TABLE_DEFINITION, numeric
          ? "range partitioning of column \"" + name + "\" needs EVERY <width>"
          : "column \"" + name + "\" of type " + type.sqlName() + " cannot be range"
              + " partitioned; use PARTITION BY LIST (" + name + ")");
    }
    if (every != null) {
      throw new ExaException(SqlState.DATATYPE_MISMATCH, "partition column \"" + name
          + "\" is of type " + type.sqlName() + "; EVERY needs a numeric, date or timestamp"
          + " column");
    }
    return PartitionSpec.list(name);
  }

  private static PartitionSpec timeRange(String name, SqlLiteral every, DataType type) {
    if (!(every instanceof SqlIntervalLiteral interval)) {
      throw new ExaException(SqlState.DATATYPE_MISMATCH, "partition column \"" + name
          + "\" is of type " + type.sqlName() + "; give its width as an INTERVAL, such as"
          + " EVERY INTERVAL '1' MONTH");
    }
    SqlIntervalLiteral.IntervalValue value =
        interval.getValueAs(SqlIntervalLiteral.IntervalValue.class);
    if (value.getSign() < 0) {
      throw nonPositive();
    }
    if (value.getIntervalQualifier().isYearMonth()) {
      long months = SqlParserUtil.intervalToMonths(value.getIntervalLiteral(),
          value.getIntervalQualifier());
      if (months <= 0) {
        throw nonPositive();
      }
      return months % 12 == 0 && value.getIntervalQualifier().getStartUnit() == TimeUnit.YEAR
          ? PartitionSpec.timeRange(name, PartitionSpec.TimeUnit.YEAR, months / 12)
          : PartitionSpec.timeRange(name, PartitionSpec.TimeUnit.MONTH, months);
    }
    long millis = SqlParserUtil.intervalToMillis(value.getIntervalLiteral(),
        value.getIntervalQualifier());
    if (millis <= 0) {
      throw nonPositive();
    }
    if (millis % MILLIS_PER_DAY != 0) {
      throw ExaException.notSupported("EVERY INTERVAL of hours, minutes or seconds");
    }
    return PartitionSpec.timeRange(name, PartitionSpec.TimeUnit.DAY, millis / MILLIS_PER_DAY);
  }

  /** The width in the column's stored units (unscaled for DECIMAL). */
  private static double width(SqlNumericLiteral every, DataType type, String name) {
    BigDecimal width = every.getValueAs(BigDecimal.class);
    if (width.signum() <= 0) {
      throw nonPositive();
    }
    if (type.id() == TypeId.REAL || type.id() == TypeId.DOUBLE) {
      return width.doubleValue();
    }
    int scale = type.id() == TypeId.DECIMAL ? type.scale() : 0;
    BigDecimal stored = width.movePointRight(scale);
    if (stored.stripTrailingZeros().scale() > 0) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE, "partition width " + width
          + " is finer than column \"" + name + "\" of type " + type.sqlName() + " can hold");
    }
    if (stored.compareTo(BigDecimal.valueOf(1L << 53)) > 0) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "partition width " + width + " is too large");
    }
    return stored.doubleValue();
  }

  private static ExaException nonPositive() {
    return new ExaException(SqlState.INVALID_PARAMETER_VALUE,
        "partition width must be positive");
  }

  static List<String> distribution(SqlDistributeBy clause, List<ColumnDef> columns) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : clause.columnNames()) {
      column(name, columns);
      if (!seen.add(name)) {
        throw new ExaException(SqlState.DUPLICATE_COLUMN,
            "column \"" + name + "\" appears twice in DISTRIBUTE BY");
      }
      names.add(name);
    }
    return names;
  }

  private static ColumnDef column(String name, List<ColumnDef> columns) {
    for (ColumnDef column : columns) {
      if (column.name().equals(name)) {
        return column;
      }
    }
    throw new ExaException(SqlState.UNDEFINED_COLUMN,
        "column \"" + name + "\" does not exist");
  }
}
