package io.exapg.planner.type;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.ArraySqlType;

/**
 * PostgreSQL's int2vector and oidvector: arrays to Calcite, told apart so that their values
 * keep the vectors' text form ("1 2") on the way to the client.
 */
final class VectorSqlType extends ArraySqlType {
  VectorSqlType(RelDataType elementType, boolean isNullable) {
    super(elementType, isNullable);
  }

  @Override
  protected void generateTypeString(StringBuilder sb, boolean withDetail) {
    sb.append("VECTOR OF ");
    super.generateTypeString(sb, withDetail);
  }
}
