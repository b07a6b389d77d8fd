package io.exapg.core.expr;

import io.exapg.core.type.DataType;
import java.util.List;
import java.util.stream.Collectors;

/** A function or operator applied to arguments, with the result type the planner derived. */
public record Call(Function function, List<Expr> arguments, DataType type) implements Expr {
  public Call {
    arguments = List.copyOf(arguments);
  }

  public static Call of(Function function, DataType type, Expr... arguments) {
    return new Call(function, List.of(arguments), type);
  }

  public Expr argument(int index) {
    return arguments.get(index);
  }

  @Override
  public String toString() {
    return function.name().toLowerCase() + "("
        + arguments.stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
  }
}
