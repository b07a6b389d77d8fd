package io.exapg.core.engine;

/** A session's transaction state, as ReadyForQuery reports it. */
public enum TransactionState {
  /** Not in a transaction block: 'I'. */
  IDLE('I'),
  /** In a transaction block: 'T'. */
  IN_TRANSACTION('T'),
  /** In a failed transaction block, until ROLLBACK: 'E'. */
  FAILED('E');

  private final char indicator;

  TransactionState(char indicator) {
    this.indicator = indicator;
  }

  public char indicator() {
    return indicator;
  }
}
