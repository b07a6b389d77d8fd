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
  public static final int UUID = 2950;
  public static final int INT2VECTOR = 22;
  public static final int OIDVECTOR = 30;

  /** Element type OID to array type OID, as in PostgreSQL's pg_type (typarray). */
  private static final int[][] ARRAYS = {
      {BOOL, 1000}, {BYTEA, 1001}, {NAME, 1003}, {INT2, 1005}, {INT4, 1007}, {TEXT, 1009},
      {BPCHAR, 1014}, {VARCHAR, 1015}, {INT8, 1016}, {FLOAT4, 1021}, {FLOAT8, 1022},
      {OID, 1028}, {TIMESTAMP, 1115}, {DATE, 1182}, {TIME, 1183}, {TIMESTAMPTZ, 1185},
      {INTERVAL, 1187}, {NUMERIC, 1231}, {UUID, 2951}};

  private PgTypeOids() {
  }

  /** The OID of the array type over the element type with this OID. */
  public static int arrayOf(int elementOid) {
    for (int[] pair : ARRAYS) {
      if (pair[0] == elementOid) {
        return pair[1];
      }
    }
    throw new IllegalArgumentException("no array type over OID " + elementOid);
  }

  /** The element type OID of an array type OID, or 0 when the OID is no array type. */
  public static int elementOf(int arrayOid) {
    for (int[] pair : ARRAYS) {
      if (pair[1] == arrayOid) {
        return pair[0];
      }
    }
    return arrayOid == INT2VECTOR ? INT2 : arrayOid == OIDVECTOR ? OID : 0;
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
      case UUID -> DataType.UUID;
      case BYTEA -> DataType.BYTEA;
      default -> {
        int element = elementOf(oid);
        if (element == 0) {
          throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
              "parameters of type OID " + oid + " are not supported yet");
        }
        yield DataType.array(toDataType(element));
      }
    };
  }
}
