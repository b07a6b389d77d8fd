package io.exapg.core.expr;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.DataType;
import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.janino.SimpleCompiler;

/**
 * Compiles expressions into Java classes with Janino. Compiled classes are cached by their
 * source text, so a plan that runs again, or on several threads, compiles once.
 */
public final class ExpressionCompiler {
  private static final int CACHE_SIZE = 2000;
  private static final Map<String, Constructor<?>> CACHE = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Constructor<?>> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  private ExpressionCompiler() {
  }

  /** Makes instances of one compiled class; each thread takes its own instance. */
  public static final class Factory<T> {
    private final Constructor<?> constructor;
    private final Object[] constants;
    private final Class<T> type;

    Factory(Constructor<?> constructor, Object[] constants, Class<T> type) {
      this.constructor = constructor;
      this.constants = constants;
      this.type = type;
    }

    public T newInstance() {
      try {
        return type.cast(constructor.newInstance((Object) constants));
      } catch (ReflectiveOperationException e) {
        throw ExaException.internal("cannot instantiate generated expression code", e);
      }
    }
  }

  public static Factory<CompiledProjection> compileProjection(List<Expr> expressions,
      List<DataType> inputTypes) {
    ExpressionCodeGenerator generator = new ExpressionCodeGenerator(inputTypes);
    String source = generator.projectionSource("GeneratedProjection", expressions);
    return new Factory<>(compile(source, "io.exapg.generated.GeneratedProjection"),
        generator.constants(), CompiledProjection.class);
  }

  public static Factory<CompiledFilter> compileFilter(Expr predicate, List<DataType> inputTypes) {
    ExpressionCodeGenerator generator = new ExpressionCodeGenerator(inputTypes);
    String source = generator.filterSource("GeneratedFilter", predicate);
    return new Factory<>(compile(source, "io.exapg.generated.GeneratedFilter"),
        generator.constants(), CompiledFilter.class);
  }

  private static Constructor<?> compile(String source, String className) {
    synchronized (CACHE) {
      Constructor<?> cached = CACHE.get(source);
      if (cached != null) {
        return cached;
      }
    }
    try {
      SimpleCompiler compiler = new SimpleCompiler();
      compiler.setParentClassLoader(ExpressionCompiler.class.getClassLoader());
      compiler.cook(source);
      Constructor<?> constructor = compiler.getClassLoader().loadClass(className)
          .getConstructor(Object[].class);
      synchronized (CACHE) {
        CACHE.put(source, constructor);
      }
      return constructor;
    } catch (Exception e) {
      // the source goes to the server log with the cause, not to the client
      throw new ExaException(SqlState.INTERNAL_ERROR,
          "cannot compile expression code: " + e.getMessage(),
          new IllegalStateException("generated source:\n" + source, e));
    }
  }
}
