package io.exapg.core.error;

/** Whose problem an error is: the user's statement, a resource running out, or a bug of ours. */
public enum ErrorCategory {
  USER,
  RESOURCE,
  INTERNAL
}
