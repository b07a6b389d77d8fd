package io.exapg.storage.format;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;

/** How a column chunk's values are laid out (see docs/storage-format.md). */
public enum Encoding {
  PLAIN(0),
  CONSTANT(1),
  FRAME_OF_REFERENCE(2),
  DICTIONARY(3),
  RUN_LENGTH(4),
  DELTA(5);

  private final int code;

  Encoding(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Encoding of(int code) {
    for (Encoding encoding : values()) {
      if (encoding.code == code) {
        return encoding;
      }
    }
    throw new ExaException(SqlState.DATA_CORRUPTED, "corrupt data: unknown encoding " + code);
  }
}
