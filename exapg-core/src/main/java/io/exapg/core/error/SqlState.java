package io.exapg.core.error;

/** The SQLSTATE codes ExaPG reports, with the category each belongs to. */
public enum SqlState {
  FEATURE_NOT_SUPPORTED("0A000", ErrorCategory.USER),
  CARDINALITY_VIOLATION("21000", ErrorCategory.USER),
  DATA_EXCEPTION("22000", ErrorCategory.USER),
  STRING_DATA_RIGHT_TRUNCATION("22001", ErrorCategory.USER),
  NUMERIC_VALUE_OUT_OF_RANGE("22003", ErrorCategory.USER),
  NULL_VALUE_NOT_ALLOWED("22004", ErrorCategory.USER),
  INVALID_DATETIME_FORMAT("22007", ErrorCategory.USER),
  DATETIME_FIELD_OVERFLOW("22008", ErrorCategory.USER),
  INVALID_PARAMETER_VALUE("22023", ErrorCategory.USER),
  INVALID_ESCAPE_SEQUENCE("22025", ErrorCategory.USER),
  DIVISION_BY_ZERO("22012", ErrorCategory.USER),
  INVALID_TEXT_REPRESENTATION("22P02", ErrorCategory.USER),
  INVALID_BINARY_REPRESENTATION("22P03", ErrorCategory.USER),
  BAD_COPY_FILE_FORMAT("22P04", ErrorCategory.USER),
  CHARACTER_NOT_IN_REPERTOIRE("22021", ErrorCategory.USER),
  NOT_NULL_VIOLATION("23502", ErrorCategory.USER),
  INVALID_TRANSACTION_STATE("25000", ErrorCategory.USER),
  ACTIVE_SQL_TRANSACTION("25001", ErrorCategory.USER),
  NO_ACTIVE_SQL_TRANSACTION("25P01", ErrorCategory.USER),
  IN_FAILED_SQL_TRANSACTION("25P02", ErrorCategory.USER),
  INVALID_SQL_STATEMENT_NAME("26000", ErrorCategory.USER),
  INVALID_AUTHORIZATION_SPECIFICATION("28000", ErrorCategory.USER),
  INVALID_PASSWORD("28P01", ErrorCategory.USER),
  INVALID_CURSOR_NAME("34000", ErrorCategory.USER),
  INVALID_CATALOG_NAME("3D000", ErrorCategory.USER),
  SERIALIZATION_FAILURE("40001", ErrorCategory.USER),
  SYNTAX_ERROR("42601", ErrorCategory.USER),
  INSUFFICIENT_PRIVILEGE("42501", ErrorCategory.USER),
  UNDEFINED_COLUMN("42703", ErrorCategory.USER),
  UNDEFINED_FUNCTION("42883", ErrorCategory.USER),
  UNDEFINED_TABLE("42P01", ErrorCategory.USER),
  UNDEFINED_OBJECT("42704", ErrorCategory.USER),
  UNDEFINED_PARAMETER("42P02", ErrorCategory.USER),
  DUPLICATE_COLUMN("42701", ErrorCategory.USER),
  DUPLICATE_TABLE("42P07", ErrorCategory.USER),
  DUPLICATE_PREPARED_STATEMENT("42P05", ErrorCategory.USER),
  DUPLICATE_CURSOR("42P03", ErrorCategory.USER),
  AMBIGUOUS_COLUMN("42702", ErrorCategory.USER),
  GROUPING_ERROR("42803", ErrorCategory.USER),
  DATATYPE_MISMATCH("42804", ErrorCategory.USER),
  CANNOT_COERCE("42846", ErrorCategory.USER),
  INVALID_COLUMN_REFERENCE("42P10", ErrorCategory.USER),
  WRONG_OBJECT_TYPE("42809", ErrorCategory.USER),
  INVALID_TABLE_DEFINITION("42P16", ErrorCategory.USER),
  SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION("42000", ErrorCategory.USER),
  OBJECT_IN_USE("55006", ErrorCategory.USER),
  CANT_CHANGE_RUNTIME_PARAM("55P02", ErrorCategory.USER),
  TOO_MANY_CONNECTIONS("53300", ErrorCategory.RESOURCE),
  PROGRAM_LIMIT_EXCEEDED("54000", ErrorCategory.USER),
  OUT_OF_MEMORY("53200", ErrorCategory.RESOURCE),
  DISK_FULL("53100", ErrorCategory.RESOURCE),
  QUERY_CANCELED("57014", ErrorCategory.USER),
  ADMIN_SHUTDOWN("57P01", ErrorCategory.RESOURCE),
  PROTOCOL_VIOLATION("08P01", ErrorCategory.USER),
  CONNECTION_FAILURE("08006", ErrorCategory.RESOURCE),
  IO_ERROR("58030", ErrorCategory.RESOURCE),
  DATA_CORRUPTED("XX001", ErrorCategory.INTERNAL),
  INTERNAL_ERROR("XX000", ErrorCategory.INTERNAL);

  private final String code;
  private final ErrorCategory category;

  SqlState(String code, ErrorCategory category) {
    this.code = code;
    this.category = category;
  }

  public String code() {
    return code;
  }

  public ErrorCategory category() {
    return category;
  }
}
