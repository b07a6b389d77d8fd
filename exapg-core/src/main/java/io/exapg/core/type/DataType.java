package io.exapg.core.type;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.io.Serializable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * A SQL type with its modifiers. This is the one place that says, per type, its SQL name, its
 * Arrow vector, and its PostgreSQL OID, type modifier and size. Values of each type travel in
 * the Java representation named in {@link TypeId}: Boolean, Integer (SMALLINT, INTEGER, DATE),
 * Long (BIGINT, DECIMAL unscaled, TIMESTAMP), Float, Double, String, byte[] (BYTEA).
 *
 * @param precision DECIMAL precision, VARCHAR/CHAR length (-1 when unbounded), TIMESTAMP
 *     fractional digits; 0 otherwise
 * @param scale DECIMAL scale; 0 otherwise
 * @param element ARRAY's element type; null otherwise
 */
public record DataType(TypeId id, int precision, int scale, DataType element)
    implements Serializable {
  public static final int MAX_DECIMAL_PRECISION = 18;
  public static final int UNBOUNDED = -1;
  /** ARRAY precision marking PostgreSQL's int2vector and oidvector ("1 2" in text). */
  public static final int VECTOR_FORM = 1;

  public static final DataType BOOLEAN = new DataType(TypeId.BOOLEAN, 0, 0);
  public static final DataType SMALLINT = new DataType(TypeId.SMALLINT, 0, 0);
  public static final DataType INTEGER = new DataType(TypeId.INTEGER, 0, 0);
  public static final DataType BIGINT = new DataType(TypeId.BIGINT, 0, 0);
  public static final DataType REAL = new DataType(TypeId.REAL, 0, 0);
  public static final DataType DOUBLE = new DataType(TypeId.DOUBLE, 0, 0);
  public static final DataType TEXT = new DataType(TypeId.VARCHAR, UNBOUNDED, 0);
  public static final DataType DATE = new DataType(TypeId.DATE, 0, 0);
  public static final DataType TIMESTAMP = new DataType(TypeId.TIMESTAMP, 6, 0);
  public static final DataType UUID = new DataType(TypeId.UUID, 0, 0);
  public static final DataType BYTEA = new DataType(TypeId.BYTEA, 0, 0);

  public DataType(TypeId id, int precision, int scale) {
    this(id, precision, scale, null);
  }

  public DataType {
    if ((id == TypeId.ARRAY) != (element != null)) {
      throw new IllegalArgumentException("an element type belongs to arrays only: " + id);
    }
    if (element != null && element.id() == TypeId.ARRAY) {
      throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
          "multidimensional arrays are not supported yet");
    }
    if (element != null && element.id() == TypeId.BYTEA) {
      throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
          "arrays of bytea are not supported yet");
    }
    if (id == TypeId.DECIMAL) {
      if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
        throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
            "DECIMAL precision " + precision + " is not supported yet: precision must be"
                + " between 1 and " + MAX_DECIMAL_PRECISION);
      }
      if (scale < 0 || scale > precision) {
        throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
            "NUMERIC scale " + scale + " must be between 0 and precision " + precision);
      }
    }
  }

  public static DataType decimal(int precision, int scale) {
    return new DataType(TypeId.DECIMAL, precision, scale);
  }

  public static DataType varchar(int length) {
    return new DataType(TypeId.VARCHAR, length, 0);
  }

  public static DataType fixedChar(int length) {
    return new DataType(TypeId.CHAR, length, 0);
  }

  public static DataType timestamp(int fractionalDigits) {
    return new DataType(TypeId.TIMESTAMP, fractionalDigits, 0);
  }

  public static DataType array(DataType element) {
    return new DataType(TypeId.ARRAY, 0, 0, element);
  }

  /** int2vector (SMALLINT elements) or oidvector (INTEGER elements). */
  public static DataType vector(DataType element) {
    return new DataType(TypeId.ARRAY, VECTOR_FORM, 0, element);
  }

  public boolean isArray() {
    return id == TypeId.ARRAY;
  }

  /** Whether the text form is PostgreSQL's int2vector/oidvector form, without braces. */
  public boolean isVectorForm() {
    return id == TypeId.ARRAY && precision == VECTOR_FORM;
  }

  public PhysicalType physical() {
    return id.physical();
  }

  public boolean isString() {
    return id == TypeId.VARCHAR || id == TypeId.CHAR;
  }

  public boolean isExactNumeric() {
    return switch (id) {
      case SMALLINT, INTEGER, BIGINT, DECIMAL -> true;
      default -> false;
    };
  }

  public boolean isNumeric() {
    return isExactNumeric() || id == TypeId.REAL || id == TypeId.DOUBLE;
  }

  public boolean isDatetime() {
    return id == TypeId.DATE || id == TypeId.TIMESTAMP;
  }

  /** Digits after the decimal point: the DECIMAL scale, 0 for the integer types. */
  public int decimalScale() {
    return id == TypeId.DECIMAL ? scale : 0;
  }

  /** The name PostgreSQL's format_type gives this type. */
  public String sqlName() {
    return switch (id) {
      case BOOLEAN -> "boolean";
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      case DECIMAL -> "numeric(" + precision + "," + scale + ")";
      case REAL -> "real";
      case DOUBLE -> "double precision";
      case VARCHAR -> precision == UNBOUNDED ? "text" : "character varying(" + precision + ")";
      case CHAR -> "character(" + precision + ")";
      case DATE -> "date";
      case TIMESTAMP -> precision == 6 ? "timestamp without time zone"
          : "timestamp(" + precision + ") without time zone";
      case ARRAY -> isVectorForm() ? (element.id() == TypeId.SMALLINT ? "int2vector"
          : "oidvector") : element.sqlName() + "[]";
      case UUID -> "uuid";
      case BYTEA -> "bytea";
    };
  }

  /** The short type name PostgreSQL uses in error messages, e.g. "integer", "numeric". */
  public String shortName() {
    return switch (id) {
      case DECIMAL -> "numeric";
      case VARCHAR -> precision == UNBOUNDED ? "text" : "character varying";
      case CHAR -> "character";
      case TIMESTAMP -> "timestamp";
      case ARRAY -> isVectorForm() ? sqlName() : element.shortName() + "[]";
      default -> sqlName();
    };
  }

  public int pgOid() {
    return switch (id) {
      case BOOLEAN -> PgTypeOids.BOOL;
      case SMALLINT -> PgTypeOids.INT2;
      case INTEGER -> PgTypeOids.INT4;
      case BIGINT -> PgTypeOids.INT8;
      case DECIMAL -> PgTypeOids.NUMERIC;
      case REAL -> PgTypeOids.FLOAT4;
      case DOUBLE -> PgTypeOids.FLOAT8;
      case VARCHAR -> precision == UNBOUNDED ? PgTypeOids.TEXT : PgTypeOids.VARCHAR;
      case CHAR -> PgTypeOids.BPCHAR;
      case DATE -> PgTypeOids.DATE;
      case TIMESTAMP -> PgTypeOids.TIMESTAMP;
      case ARRAY -> isVectorForm()
          ? (element.id() == TypeId.SMALLINT ? PgTypeOids.INT2VECTOR : PgTypeOids.OIDVECTOR)
          : PgTypeOids.arrayOf(element.pgOid());
      case UUID -> PgTypeOids.UUID;
      case BYTEA -> PgTypeOids.BYTEA;
    };
  }

  /** The type modifier PostgreSQL reports in RowDescription (atttypmod). */
  public int pgTypmod() {
    return switch (id) {
      case DECIMAL -> ((precision << 16) | scale) + 4;
      case VARCHAR -> precision == UNBOUNDED ? -1 : precision + 4;
      case CHAR -> precision + 4;
      case TIMESTAMP -> precision == 6 ? -1 : precision;
      default -> -1;
    };
  }

  /** PostgreSQL's typlen: bytes of the fixed-width binary form, or -1. */
  public int pgTypeSize() {
    return switch (id) {
      case BOOLEAN -> 1;
      case SMALLINT -> 2;
      case INTEGER, REAL, DATE -> 4;
      case BIGINT, DOUBLE, TIMESTAMP -> 8;
      case UUID -> 16;
      case DECIMAL, VARCHAR, CHAR, ARRAY, BYTEA -> -1;
    };
  }

  /** A new, empty Arrow vector for values of this type. */
  public FieldVector newVector(String name, BufferAllocator allocator) {
    return switch (id) {
      case BOOLEAN -> new BitVector(name, allocator);
      case SMALLINT -> new SmallIntVector(name, allocator);
      case INTEGER -> new IntVector(name, allocator);
      case BIGINT, DECIMAL -> new BigIntVector(name, allocator);
      case REAL -> new Float4Vector(name, allocator);
      case DOUBLE -> new Float8Vector(name, allocator);
      case VARCHAR, CHAR, ARRAY, UUID, BYTEA -> new VarCharVector(name, allocator);
      case DATE -> new DateDayVector(name, allocator);
      case TIMESTAMP -> new TimeStampMicroVector(name, allocator);
    };
  }

  @Override
  public String toString() {
    return sqlName();
  }
}
