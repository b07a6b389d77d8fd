package io.exapg.planner.validate;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/** The SQL dialect rules ExaPG validates with: PostgreSQL's, on top of Calcite's lenient mode. */
public final class ExaConformance extends SqlDelegatingConformance {
  public static final ExaConformance INSTANCE = new ExaConformance();

  private ExaConformance() {
    super(SqlConformanceEnum.LENIENT);
  }

  @Override
  public boolean allowCharLiteralAlias() {
    return false;
  }

  @Override
  public boolean isMinusAllowed() {
    return false;
  }

  @Override
  public boolean allowExtend() {
    return false;
  }

  @Override
  public boolean isApplyAllowed() {
    return false;
  }

  /** HAVING sees the input's columns, never the select list's aliases, as in PostgreSQL. */
  @Override
  public boolean isHavingAlias() {
    return false;
  }

  @Override
  public boolean isSortByAliasObscures() {
    return true;
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override
  public boolean allowPluralTimeUnits() {
    return true;
  }
}
