package io.exapg.core.type;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;

/** PostgreSQL's type OIDs for the types ExaPG speaks on the wire. */
public final class PgTypeOids {
  public static final int BOOL = 16;
  public static final int BYTEA = 17;
  public static final int NAME = 19;
  public static final int INT8 = 20;
  public static final int INT2 = 21;
  public static final int INT4 = 23;
  public static final int TEXT = 25;
  public static final int OID = 26;
  public static final int FLOAT4 = 700;
  public static final int FLOAT8 = 701;
  public static final int UNKNOWN = 705;
  public static final int BPCHAR = 1042;
  public static final int VARCHAR = 1043;
  public static final int DATE = 1082;
  public static final int TIME = 1083;
  public static final int TIMESTAMP = 1114;
  public static final int TIMESTAMPTZ = 1184;
  public static final int INTERVAL = 1186;
  public static final int NUMERIC = 1700;

  private PgTypeOids() {
  }

  /** The type a parameter declared with this OID takes, or null for unspecified (0). */
  public static DataType toDataType(int oid) {
    return switch (oid) {
      case 0, UNKNOWN -> null;
      case BOOL -> DataType.BOOLEAN;
      case INT2 -> DataType.SMALLINT;
      case INT4, OID -> DataType.INTEGER;
      case INT8 -> DataType.BIGINT;
      case FLOAT4 -> DataType.REAL;
      case FLOAT8 -> DataType.DOUBLE;
      case NUMERIC -> DataType.decimal(DataType.MAX_DECIMAL_PRECISION, 6);
      case TEXT, VARCHAR, NAME -> DataType.TEXT;
      case BPCHAR -> DataType.TEXT;
      case DATE -> DataType.DATE;
      case TIMESTAMP, TIMESTAMPTZ -> DataType.TIMESTAMP;
      default -> throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
          "parameters of type OID " + oid + " are not supported yet");
    };
  }
}
