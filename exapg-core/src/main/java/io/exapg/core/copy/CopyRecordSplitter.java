package io.exapg.core.copy;

/**
 * Finds where a buffer of COPY data can be cut into pieces that are parsed independently:
 * after a line break that ends a record. For text format that is any line break not escaped
 * by a backslash. For CSV a line break inside a quoted field is data; the splitter does not
 * track quotes (that would mean reading everything twice), so a piece that turns out to end
 * inside a quoted field is joined with the next one by the parser.
 */
final class CopyRecordSplitter {
  private CopyRecordSplitter() {
  }

  /** The index just after the last record-ending line break in [from, to), or -1. */
  static int lastRecordEnd(byte[] data, int from, int to, CopyOptions options) {
    for (int i = to - 1; i >= from; i--) {
      if (data[i] != '\n') {
        continue;
      }
      if (options.csv() || !escaped(data, from, i)) {
        return i + 1;
      }
    }
    return -1;
  }

  /** Whether the byte at position is preceded by an odd run of backslashes. */
  private static boolean escaped(byte[] data, int from, int position) {
    int backslashes = 0;
    for (int i = position - 1; i >= from && data[i] == '\\'; i--) {
      backslashes++;
    }
    return (backslashes & 1) == 1;
  }
}
