package io.exapg.core.engine;

/** The data of COPY ... TO STDOUT, piece by piece. */
public interface CopyOutSource extends AutoCloseable {
  /** The next piece of data (whole rows), or null at the end. */
  byte[] next();

  /** Rows in the pieces returned so far. */
  long rowCount();

  @Override
  void close();
}
