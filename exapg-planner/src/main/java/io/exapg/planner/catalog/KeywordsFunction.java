package io.exapg.planner.catalog;

import io.exapg.planner.parser.ExaParser;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableFunction;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * pg_get_keywords(): the keywords of ExaPG's own grammar (not PostgreSQL's list), reserved
 * ones as category R and the others as U, which JDBC's getSQLKeywords reads.
 */
public final class KeywordsFunction implements TableFunction {
  public static final String NAME = "pg_get_keywords";

  /** One keyword as pg_get_keywords returns it. */
  public record Keyword(String word, boolean reserved) {
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return List.of();
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory,
      List<? extends @Nullable Object> arguments) {
    return typeFactory.builder()
        .add("word", SqlTypeName.VARCHAR)
        .add("catcode", SqlTypeName.VARCHAR)
        .add("barelabel", SqlTypeName.BOOLEAN)
        .add("catdesc", SqlTypeName.VARCHAR)
        .add("baredesc", SqlTypeName.VARCHAR)
        .build();
  }

  @Override
  public Type getElementType(List<? extends @Nullable Object> arguments) {
    return Object[].class;
  }

  /** The grammar's keywords in alphabetical order. */
  public static List<Keyword> keywords() {
    SqlAbstractParserImpl.Metadata metadata = SqlParser.create("", ExaParser.CONFIG)
        .getMetadata();
    List<Keyword> keywords = new ArrayList<>();
    for (String token : new TreeSet<>(metadata.getTokens())) {
      if (token.matches("[A-Z_]+") && (metadata.isReservedWord(token)
          || metadata.isNonReservedKeyword(token))) {
        keywords.add(new Keyword(token.toLowerCase(Locale.ROOT),
            metadata.isReservedWord(token)));
      }
    }
    return keywords;
  }
}
