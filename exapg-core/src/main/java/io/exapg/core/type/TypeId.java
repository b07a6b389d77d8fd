package io.exapg.core.type;

/**
 * The SQL types ExaPG stores and computes with. Catalogs, WAL and segments store the ordinal:
 * new types go at the end.
 */
public enum TypeId {
  BOOLEAN(PhysicalType.BIT),
  SMALLINT(PhysicalType.INT16),
  INTEGER(PhysicalType.INT32),
  BIGINT(PhysicalType.INT64),
  /** Exact decimal of up to 18 digits, held as a long scaled by 10^scale. */
  DECIMAL(PhysicalType.INT64),
  REAL(PhysicalType.FLOAT32),
  DOUBLE(PhysicalType.FLOAT64),
  VARCHAR(PhysicalType.VARBINARY),
  CHAR(PhysicalType.VARBINARY),
  /** Days since 1970-01-01. */
  DATE(PhysicalType.INT32),
  /** Microseconds since 1970-01-01 00:00:00, without time zone. */
  TIMESTAMP(PhysicalType.INT64),
  /** Held as its canonical text (lower-case hex, 8-4-4-4-12), which sorts as its bytes do. */
  UUID(PhysicalType.VARBINARY),
  /**
   * One-dimensional array of an element type, held in PostgreSQL's canonical text form
   * ("{1,2,NULL}", elements quoted where needed): catalogs and clients speak it as it is.
   */
  ARRAY(PhysicalType.VARBINARY),
  /** Raw bytes, held as they are: they compare and sort as unsigned bytes, as in PostgreSQL. */
  BYTEA(PhysicalType.VARBINARY);

  private final PhysicalType physical;

  TypeId(PhysicalType physical) {
    this.physical = physical;
  }

  public PhysicalType physical() {
    return physical;
  }
}
