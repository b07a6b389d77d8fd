package io.exapg.core.expr;

/**
 * The scalar functions and operators the engine evaluates. Arguments that select a variant
 * (a date unit, a TRIM side) are string literals in the argument list.
 */
public enum Function {
  // arithmetic
  ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, NEGATE, BIT_AND,
  // comparison
  EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL,
  IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM,
  // logic and null tests
  AND, OR, NOT, IN_LIST, IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE,
  // conditionals: CASE(when1, then1, ..., else)
  CASE, COALESCE, NULLIF,
  /** Explicit conversion: strings are truncated to the target length, as PostgreSQL does. */
  CAST,
  /** Conversion on INSERT: a string too long for the target column is an error. */
  ASSIGN_CAST,
  // strings
  LIKE, ILIKE, REGEX_MATCH, REGEX_IMATCH, FORMAT_TYPE, CONCAT, UPPER, LOWER, CHAR_LENGTH, OCTET_LENGTH, SUBSTRING, TRIM, LTRIM, RTRIM,
  REPLACE, POSITION, LEFT, RIGHT, LPAD, RPAD, REVERSE, REPEAT, SPLIT_PART, INITCAP,
  QUOTE_IDENT, QUOTE_LITERAL,
  /** pg_size_pretty(bytes). */
  SIZE_PRETTY,
  // bytea: ENCODE(bytes, format), DECODE(text, format), MD5(bytes) as hex text,
  // SHA(algorithm, bytes) with a JDK algorithm name such as 'SHA-256', GET_BYTE(bytes, n)
  ENCODE, DECODE, MD5, SHA, GET_BYTE,
  /** gen_random_uuid(): a new version 4 UUID per row, never folded into a constant. */
  RANDOM_UUID,
  // numbers
  ABS, ROUND, TRUNC, FLOOR, CEIL, SQRT, POWER, EXP, LN, LOG10, SIGN,
  // dates: EXTRACT(unit, value), DATE_TRUNC(unit, value), DATE_PART(unit, value)
  EXTRACT, DATE_PART, DATE_TRUNC, ADD_DAYS, ADD_MONTHS, ADD_MICROS, DAYS_BETWEEN,
  // arrays: ARRAY_VALUE(elements...), ARRAY_ELEMENT(array, index),
  // ARRAY_CONTAINS(value, array) for value = ANY(array),
  // ARRAY_BOUND(mode UPPER|LOWER|LENGTH|CARDINALITY, array [, dimension])
  ARRAY_VALUE, ARRAY_ELEMENT, ARRAY_CONTAINS, ARRAY_TO_STRING, ARRAY_BOUND, ARRAY_CAT,
  STRING_TO_ARRAY,
  /**
   * LOOKUP(text, keys, values): the value paired with the text in two constant arrays (text[]
   * literals; the values read as the call's type, INTEGER or TEXT), NULL when it is not a
   * key; catalog names to OIDs, trace ids to their exports.
   */
  LOOKUP
}
