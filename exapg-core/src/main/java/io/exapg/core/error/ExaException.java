package io.exapg.core.error;

import org.apache.arrow.memory.OutOfMemoryException;

/**
 * An error with a SQLSTATE, as the client will see it. Every error a user can cause is
 * one of these; anything else reaching the protocol layer is reported as an internal error.
 */
public class ExaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final SqlState state;
  /** 1-based character position in the statement text, or 0 when there is none. */
  private final int position;
  private final String detail;
  private final String hint;
  /** Where the error happened, e.g. the line of COPY data (PostgreSQL's CONTEXT). */
  private final String context;

  public ExaException(SqlState state, String message) {
    this(state, message, 0, null, null, null);
  }

  public ExaException(SqlState state, String message, Throwable cause) {
    this(state, message, 0, null, null, cause);
  }

  public ExaException(SqlState state, String message, int position, String detail, String hint,
      Throwable cause) {
    this(state, message, position, detail, hint, null, cause);
  }

  private ExaException(SqlState state, String message, int position, String detail, String hint,
      String context, Throwable cause) {
    super(message, cause);
    this.state = state;
    this.position = position;
    this.detail = detail;
    this.hint = hint;
    this.context = context;
  }

  public static ExaException notSupported(String feature) {
    return new ExaException(SqlState.FEATURE_NOT_SUPPORTED, feature + " is not supported yet");
  }

  public static ExaException internal(String message, Throwable cause) {
    return new ExaException(SqlState.INTERNAL_ERROR, message, cause);
  }

  public SqlState state() {
    return state;
  }

  public int position() {
    return position;
  }

  public String detail() {
    return detail;
  }

  public String hint() {
    return hint;
  }

  public String context() {
    return context;
  }

  public ExaException withPosition(int newPosition) {
    return new ExaException(state, getMessage(), newPosition, detail, hint, context, getCause());
  }

  public ExaException withHint(String newHint) {
    return new ExaException(state, getMessage(), position, detail, newHint, context, getCause());
  }

  public ExaException withContext(String newContext) {
    return new ExaException(state, getMessage(), position, detail, hint, newContext, getCause());
  }

  /** Any throwable as an ExaException, keeping SQLSTATEs that are already there. */
  public static ExaException wrap(Throwable t) {
    if (t instanceof ExaException e) {
      return e;
    }
    if (t instanceof OutOfMemoryException) {
      return new ExaException(SqlState.OUT_OF_MEMORY,
          "query memory limit exceeded: " + t.getMessage(), 0, null,
          "raise the session setting exapg.query_memory_limit or simplify the query", t);
    }
    if (t instanceof OutOfMemoryError) {
      return new ExaException(SqlState.OUT_OF_MEMORY, "out of memory: " + t.getMessage(), t);
    }
    if (t instanceof StackOverflowError) {
      return new ExaException(SqlState.OUT_OF_MEMORY,
          "statement is too deeply nested (stack depth limit exceeded)", t);
    }
    return internal(t.getClass().getSimpleName() + ": " + t.getMessage(), t);
  }
}
