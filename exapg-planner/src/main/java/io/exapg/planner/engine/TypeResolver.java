package io.exapg.planner.engine;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.TypeNames;
import io.exapg.planner.type.ExaTypeSystem;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.type.SqlTypeName;

/** The column type a DDL type name stands for, with PostgreSQL's defaults. */
final class TypeResolver {
  /** PostgreSQL types that ExaPG does not store yet. */
  private static final Set<String> KNOWN_UNSUPPORTED = Set.of("json", "jsonb",
      "serial", "bigserial", "smallserial", "money", "inet", "cidr", "macaddr", "xml", "bit",
      "varbit", "point", "line", "box", "polygon", "circle", "tsvector", "tsquery", "oid",
      "timetz", "timestamptz", "interval", "time");

  private TypeResolver() {
  }

  static DataType resolve(SqlDataTypeSpec spec) {
    if (spec.getCollectionsTypeName() != null) {
      throw ExaException.notSupported("array types");
    }
    SqlTypeNameSpec nameSpec = spec.getTypeNameSpec();
    if (nameSpec instanceof SqlBasicTypeNameSpec basic) {
      SqlTypeName name = SqlTypeName.get(basic.getTypeName().getSimple().toUpperCase(Locale.ROOT));
      int precision = basic.getPrecision();
      int scale = basic.getScale();
      if (name == null) {
        throw unknown(basic.getTypeName().getSimple());
      }
      return switch (name) {
        case BOOLEAN -> DataType.BOOLEAN;
        case TINYINT, SMALLINT -> DataType.SMALLINT;
        case INTEGER -> DataType.INTEGER;
        case BIGINT -> DataType.BIGINT;
        case DECIMAL -> precision < 0
            ? DataType.decimal(DataType.MAX_DECIMAL_PRECISION, ExaTypeSystem.DEFAULT_DECIMAL_SCALE)
            : DataType.decimal(precision, Math.max(scale, 0));
        case REAL -> DataType.REAL;
        case FLOAT -> precision > 0 && precision <= 24 ? DataType.REAL : DataType.DOUBLE;
        case DOUBLE -> DataType.DOUBLE;
        case CHAR -> DataType.fixedChar(precision < 0 ? 1 : checkLength(precision));
        case VARCHAR -> precision < 0 ? DataType.TEXT : DataType.varchar(checkLength(precision));
        case DATE -> DataType.DATE;
        case UUID -> DataType.UUID;
        case VARBINARY -> DataType.BYTEA;
        case TIMESTAMP -> DataType.timestamp(precision < 0 ? 6 : Math.min(6, precision));
        case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> throw ExaException.notSupported(
            "type timestamp with time zone");
        case TIME, TIME_WITH_LOCAL_TIME_ZONE, TIME_TZ -> throw ExaException.notSupported(
            "type time");
        default -> throw ExaException.notSupported("type " + name.getName().toLowerCase(
            Locale.ROOT));
      };
    }
    String name = nameSpec.getTypeName().getSimple().toLowerCase(Locale.ROOT);
    DataType alias = TypeNames.lookup(name);
    if (alias != null) {
      return alias;
    }
    throw unknown(name);
  }

  private static int checkLength(int length) {
    if (length < 1) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "length for type varchar must be at least 1");
    }
    return length;
  }

  private static ExaException unknown(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (KNOWN_UNSUPPORTED.contains(lower)) {
      return ExaException.notSupported("type " + lower);
    }
    return new ExaException(SqlState.UNDEFINED_OBJECT, "type \"" + lower + "\" does not exist");
  }
}
