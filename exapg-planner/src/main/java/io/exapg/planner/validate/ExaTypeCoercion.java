package io.exapg.planner.validate;

import io.exapg.core.error.ExaException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit casts plus PostgreSQL's reading of a string compared with an array
 * ("polroles = '{0}'") or a bytea: the string is input of the other side's type.
 */
public final class ExaTypeCoercion extends TypeCoercionImpl {
  public ExaTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override
  public boolean binaryComparisonCoercion(SqlCallBinding binding) {
    if (binding.getOperandCount() == 2
        && SqlKind.BINARY_COMPARISON.contains(binding.getOperator().getKind())) {
      RelDataType left = binding.getOperandType(0);
      RelDataType right = binding.getOperandType(1);
      if (readsAs(left, right)) {
        return coerceOperandType(binding.getScope(), binding.getCall(), 1, left);
      }
      if (readsAs(right, left)) {
        return coerceOperandType(binding.getScope(), binding.getCall(), 0, right);
      }
      trimCharLiteral(binding, 1, left);
      trimCharLiteral(binding, 0, right);
    }
    return super.binaryComparisonCoercion(binding);
  }

  /**
   * A string literal compared with a CHAR(n) value is read as CHAR too in PostgreSQL, whose
   * trailing spaces do not count: 'MAIL ' equals a CHAR(10) 'MAIL'. Calcite would compare
   * the literal, spaces kept, with the CHAR value cast to VARCHAR (which drops its padding),
   * so the literal loses its trailing spaces here.
   */
  private void trimCharLiteral(SqlCallBinding binding, int literalIndex, RelDataType other) {
    if (other.getSqlTypeName() == SqlTypeName.CHAR
        && binding.operand(literalIndex) instanceof SqlCharStringLiteral literal) {
      SqlNode replacement = trimmed(literal, binding.getOperandType(literalIndex));
      if (replacement != null) {
        binding.getCall().setOperand(literalIndex, replacement);
      }
    }
  }

  /** The literal without its trailing spaces, typed; null if it has none (or only spaces). */
  private SqlNode trimmed(SqlCharStringLiteral literal, RelDataType type) {
    String text = literal.getValueAs(String.class);
    String trimmed = text.replaceAll(" +$", "");
    if (trimmed.length() == text.length() || trimmed.isEmpty()) {
      return null;
    }
    SqlNode replacement = SqlLiteral.createCharString(trimmed, literal.getParserPosition());
    updateInferredType(replacement, factory.createTypeWithCharsetAndCollation(
        factory.createSqlType(type.getSqlTypeName(), trimmed.length()), type.getCharset(),
        type.getCollation()));
    return replacement;
  }

  /** Whether a string compared with a value of this type is input of the type. */
  private static boolean readsAs(RelDataType type, RelDataType string) {
    return SqlTypeUtil.isCharacter(string)
        && (SqlTypeUtil.isArray(type) || SqlTypeUtil.isBinary(type));
  }

  /**
   * x = ANY ('{1,2}'): PostgreSQL reads the string as an array of x's type; Calcite would
   * compare x with the whole string (or cast it to x's type), so it is refused instead.
   */
  @Override
  public boolean inOperationCoercion(SqlCallBinding binding) {
    if ((binding.getOperator().getKind() == SqlKind.SOME
        || binding.getOperator().getKind() == SqlKind.ALL)
        && binding.operand(1) instanceof SqlNodeList list && list.size() == 1
        && list.get(0) instanceof SqlCharStringLiteral literal
        && literal.getValueAs(String.class).strip().startsWith("{")) {
      throw ExaException.notSupported("ANY/ALL over an untyped string (write the array with"
          + " its type, e.g. '" + literal.getValueAs(String.class) + "'::int[])");
    }
    if (binding.getOperator().getKind() == SqlKind.IN
        || binding.getOperator().getKind() == SqlKind.NOT_IN) {
      trimCharLiterals(binding);
    }
    return super.inOperationCoercion(binding);
  }

  /** c IN ('x ', ...) over a CHAR(n) value: as for a comparison, trailing spaces do not count. */
  private void trimCharLiterals(SqlCallBinding binding) {
    if (binding.getOperandType(0).getSqlTypeName() != SqlTypeName.CHAR
        || !(binding.operand(1) instanceof SqlNodeList list)) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof SqlCharStringLiteral literal) {
        SqlNode replacement = trimmed(literal, validator.deriveType(binding.getScope(),
            literal));
        if (replacement != null) {
          list.set(i, replacement);
        }
      }
    }
  }

  /** 'd' = ANY (text_array): the string is compared as the element type. */
  @Override
  public boolean quantifyOperationCoercion(SqlCallBinding binding) {
    RelDataType left = binding.getOperandType(0);
    RelDataType right = binding.getOperandType(1);
    if (SqlTypeUtil.isArray(right) && SqlTypeUtil.isCharacter(left)
        && SqlTypeUtil.isCharacter(right.getComponentType())
        && !left.equals(right.getComponentType())) {
      RelDataType element = right.getComponentType();
      SqlNode operand = binding.getCall().operand(0);
      SqlNode cast = SqlStdOperatorTable.CAST.createCall(operand.getParserPosition(), operand,
          SqlTypeUtil.convertTypeToSpec(element));
      binding.getCall().setOperand(0, cast);
      updateInferredType(cast, element);
      return true;
    }
    return super.quantifyOperationCoercion(binding);
  }
}
