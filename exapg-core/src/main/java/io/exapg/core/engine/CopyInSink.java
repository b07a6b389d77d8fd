package io.exapg.core.engine;

import java.nio.ByteBuffer;

/** Receives the data of COPY ... FROM STDIN as the client sends it, on the session's thread. */
public interface CopyInSink {
  /** The next bytes of data, in order; may block to hold back a fast client. */
  void write(ByteBuffer data);

  /** The end of the data: loads the rest, commits, and returns the number of rows. */
  long finish();

  /** The client gave up or went away: nothing of this COPY is kept. */
  void abort();
}
