package io.exapg.core.copy;

import io.exapg.core.batch.Vectors;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.DataType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Parses one piece of COPY data, which starts at a record, into Arrow vectors of the table's
 * columns (columns not named in the statement stay NULL). Errors are not thrown but returned
 * with the record they occurred in, because only the loader knows the line number the piece
 * starts at. Not thread-safe: one parser per thread.
 */
public final class CopyChunkParser {
  /** The parsed rows, or the first error; vectors are owned by the receiver. */
  public record ParsedChunk(FieldVector[] vectors, int rows, int records,
      CopyError error, boolean endsInQuote, boolean endOfData) {
  }

  /** An error in record number record (0-based within the piece), with the text involved. */
  public record CopyError(ExaException cause, int record, String column, String text) {
  }

  /** Stops parsing a record with an error. */
  private static final class RecordError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient CopyError error;

    RecordError(CopyError error) {
      super(null, null, false, false);
      this.error = error;
    }
  }

  private static final int INCOMPLETE = -2;

  private final CopyOptions options;
  private final List<DataType> types;
  private final List<String> names;
  private final boolean[] nullable;
  private final int[] targets;
  private final String tableName;
  private final BufferAllocator allocator;
  private final boolean[] targetNotNull;
  private final boolean[] targetForceNull;
  /** A NOT NULL column the statement gives no values for, or null. */
  private final String missingNotNull;
  private final CopyValueWriter values = new CopyValueWriter();
  private byte[] scratch = new byte[256];
  private int scratchLength;
  private FieldVector[] vectors;
  private int record;
  private int recordStart;
  private int row;
  /** While reading a header line: its fields, as text; otherwise null. */
  private List<String> headerFields;

  /**
   * @param types the table's column types, in table order
   * @param targets for each field of a record, the table column it goes to
   */
  public CopyChunkParser(CopyOptions options, String tableName, List<String> names,
      List<DataType> types, boolean[] nullable, int[] targets, BufferAllocator allocator) {
    this.options = options;
    this.tableName = tableName;
    this.names = names;
    this.types = types;
    this.nullable = nullable;
    this.targets = targets;
    this.allocator = allocator;
    this.targetNotNull = options.forceNotNull();
    this.targetForceNull = options.forceNull();
    boolean[] given = new boolean[types.size()];
    for (int target : targets) {
      given[target] = true;
    }
    String missing = null;
    for (int c = 0; c < given.length && missing == null; c++) {
      if (!given[c] && !nullable[c]) {
        missing = names.get(c);
      }
    }
    this.missingNotNull = missing;
  }

  /**
   * Parses the records in data[from, to).
   *
   * @param skipHeader whether the first record is a header line
   */
  public ParsedChunk parse(byte[] data, int from, int to, boolean skipHeader) {
    int capacity = 1;
    for (int i = from; i < to; i++) {
      if (data[i] == '\n') {
        capacity++;
      }
    }
    vectors = Vectors.allocate(types, allocator, capacity);
    row = 0;
    record = 0;
    int position = from;
    boolean endOfData = false;
    try {
      while (position < to) {
        if (isEndMarker(data, position, to)) {
          endOfData = true;
          break;
        }
        int next;
        recordStart = position;
        if (skipHeader && record == 0) {
          next = header(data, position, to);
        } else {
          next = options.csv() ? csvRecord(data, position, to) : textRecord(data, position, to);
          if (next != INCOMPLETE) {
            if (missingNotNull != null) {
              throw recordError(SqlState.NOT_NULL_VIOLATION, "null value in column \""
                  + missingNotNull + "\" of relation \"" + tableName
                  + "\" violates not-null constraint", null, null);
            }
            row++;
          }
        }
        if (next == INCOMPLETE) {
          return finish(null, true, false);
        }
        position = next;
        record++;
      }
      return finish(null, false, endOfData);
    } catch (RecordError e) {
      return finish(e.error, false, false);
    } catch (RuntimeException e) {
      Vectors.close(vectors);
      throw e;
    }
  }

  private ParsedChunk finish(CopyError error, boolean endsInQuote, boolean endOfData) {
    if (error != null || endsInQuote) {
      Vectors.close(vectors);
      return new ParsedChunk(null, 0, record, error, endsInQuote, false);
    }
    Vectors.setValueCount(vectors, row);
    return new ParsedChunk(vectors, row, record, null, false, endOfData);
  }

  /** A line holding only \. marks the end of the data. */
  private static boolean isEndMarker(byte[] data, int position, int to) {
    if (position + 1 >= to || data[position] != '\\' || data[position + 1] != '.') {
      return false;
    }
    int after = position + 2;
    return after == to || data[after] == '\n'
        || (data[after] == '\r' && (after + 1 == to || data[after + 1] == '\n'));
  }

  // ---------------------------------------------------------------- text format

  private int textRecord(byte[] data, int position, int to) {
    int field = 0;
    while (true) {
      int start = position;
      boolean escaped = false;
      while (position < to) {
        byte c = data[position];
        if (c == options.delimiter() || c == '\n') {
          break;
        }
        if (c == '\\') {
          escaped = true;
          position = Math.min(position + 2, to);
        } else {
          position++;
        }
      }
      boolean lastField = position >= to || data[position] == '\n';
      int end = position;
      if (lastField && end > start && data[end - 1] == '\r') {
        end--;
      }
      if (field >= targets.length && headerFields == null) {
        throw recordError(SqlState.BAD_COPY_FILE_FORMAT, "extra data after last expected column",
            null, line(data, recordStart, to));
      }
      if (matches(data, start, end, options.nullMarker())) {
        storeNull(field);
      } else if (escaped) {
        unescapeText(data, start, end);
        store(field, scratch, 0, scratchLength);
      } else {
        store(field, data, start, end);
      }
      field++;
      if (lastField) {
        if (field < targets.length && headerFields == null) {
          throw recordError(SqlState.BAD_COPY_FILE_FORMAT, "missing data for column \""
              + names.get(targets[field]) + "\"", null, line(data, recordStart, to));
        }
        return position < to ? position + 1 : position;
      }
      position++;
    }
  }

  private void unescapeText(byte[] data, int from, int to) {
    ensureScratch(to - from);
    int n = 0;
    for (int i = from; i < to; i++) {
      byte c = data[i];
      if (c != '\\' || i + 1 >= to) {
        scratch[n++] = c;
        continue;
      }
      byte e = data[++i];
      switch (e) {
        case 'b' -> scratch[n++] = '\b';
        case 'f' -> scratch[n++] = '\f';
        case 'n' -> scratch[n++] = '\n';
        case 'r' -> scratch[n++] = '\r';
        case 't' -> scratch[n++] = '\t';
        case 'v' -> scratch[n++] = 0x0B;
        case 'x' -> {
          int value = 0;
          int digits = 0;
          while (digits < 2 && i + 1 < to && Character.digit(data[i + 1], 16) >= 0) {
            value = value * 16 + Character.digit(data[++i], 16);
            digits++;
          }
          scratch[n++] = digits == 0 ? (byte) 'x' : (byte) value;
        }
        default -> {
          if (e >= '0' && e <= '7') {
            int value = e - '0';
            for (int digits = 1; digits < 3 && i + 1 < to && data[i + 1] >= '0'
                && data[i + 1] <= '7'; digits++) {
              value = value * 8 + data[++i] - '0';
            }
            scratch[n++] = (byte) value;
          } else {
            scratch[n++] = e;
          }
        }
      }
    }
    scratchLength = n;
  }

  // ---------------------------------------------------------------- CSV

  private int csvRecord(byte[] data, int position, int to) {
    byte delimiter = options.delimiter();
    byte quote = options.quote();
    byte escape = options.escape();
    int field = 0;
    while (true) {
      int start = position;
      boolean quoted = false;
      boolean inQuote = false;
      scratchLength = -1;
      // Most fields hold no quote: find their end with a tight loop first.
      while (position < to) {
        byte c = data[position];
        if (c == delimiter || c == '\n' || c == quote) {
          break;
        }
        position++;
      }
      while (true) {
        if (position >= to) {
          if (inQuote) {
            return INCOMPLETE;
          }
          break;
        }
        byte c = data[position];
        if (!inQuote) {
          if (c == delimiter || c == '\n') {
            break;
          }
          if (c == quote) {
            if (scratchLength < 0) {
              startScratch(data, start, position);
            }
            quoted = true;
            inQuote = true;
          } else if (scratchLength >= 0) {
            append(c);
          }
          position++;
        } else if (c == escape && position + 1 < to
            && (data[position + 1] == quote || data[position + 1] == escape)) {
          append(data[position + 1]);
          position += 2;
        } else if (c == quote) {
          inQuote = false;
          position++;
        } else {
          append(c);
          position++;
        }
      }
      boolean lastField = position >= to || data[position] == '\n';
      int end = position;
      if (lastField && end > start && data[end - 1] == '\r') {
        if (scratchLength >= 0) {
          scratchLength--;
        } else {
          end--;
        }
      }
      if (field >= targets.length && headerFields == null) {
        throw recordError(SqlState.BAD_COPY_FILE_FORMAT, "extra data after last expected column",
            null, line(data, recordStart, to));
      }
      boolean notNull = field < targets.length && targetNotNull[field];
      boolean forceNull = field < targets.length && targetForceNull[field];
      if (!quoted) {
        if (!notNull && matches(data, start, end, options.nullMarker())) {
          storeNull(field);
        } else {
          store(field, data, start, end);
        }
      } else if (forceNull && matches(scratch, 0, scratchLength, options.nullMarker())) {
        storeNull(field);
      } else {
        store(field, scratch, 0, scratchLength);
      }
      field++;
      if (lastField) {
        if (field < targets.length && headerFields == null) {
          throw recordError(SqlState.BAD_COPY_FILE_FORMAT, "missing data for column \""
              + names.get(targets[field]) + "\"", null, line(data, recordStart, to));
        }
        return position < to ? position + 1 : position;
      }
      position++;
    }
  }

  private void startScratch(byte[] data, int from, int to) {
    ensureScratch(to - from + 64);
    System.arraycopy(data, from, scratch, 0, to - from);
    scratchLength = to - from;
  }

  private void append(byte c) {
    if (scratchLength == scratch.length) {
      scratch = Arrays.copyOf(scratch, scratch.length * 2);
    }
    scratch[scratchLength++] = c;
  }

  private void ensureScratch(int length) {
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
    }
  }

  // ---------------------------------------------------------------- header and values

  /** Skips the header line; with HEADER MATCH, checks that it names the columns in order. */
  private int header(byte[] data, int position, int to) {
    headerFields = new ArrayList<>();
    try {
      int next = options.csv() ? csvRecord(data, position, to) : textRecord(data, position, to);
      if (next != INCOMPLETE && options.header() == CopyOptions.Header.MATCH) {
        checkHeader(headerFields);
      }
      return next;
    } finally {
      headerFields = null;
    }
  }

  private void checkHeader(List<String> fields) {
    for (int k = 0; k < Math.max(fields.size(), targets.length); k++) {
      if (k >= targets.length) {
        throw recordError(SqlState.BAD_COPY_FILE_FORMAT, "extra data after last expected column",
            null, null);
      }
      String expected = names.get(targets[k]);
      if (k >= fields.size()) {
        throw recordError(SqlState.BAD_COPY_FILE_FORMAT, "missing data for column \""
            + expected + "\"", null, null);
      }
      if (!expected.equals(fields.get(k))) {
        throw recordError(SqlState.BAD_COPY_FILE_FORMAT, "column name mismatch in header line"
            + " field " + (k + 1) + ": got \"" + fields.get(k) + "\", expected \"" + expected
            + "\"", null, null);
      }
    }
  }

  private static boolean matches(byte[] data, int from, int to, byte[] marker) {
    if (to - from != marker.length) {
      return false;
    }
    for (int k = 0; k < marker.length; k++) {
      if (data[from + k] != marker[k]) {
        return false;
      }
    }
    return true;
  }

  private void storeNull(int field) {
    if (headerFields != null) {
      headerFields.add("");
      return;
    }
    int column = targets[field];
    if (!nullable[column]) {
      throw recordError(SqlState.NOT_NULL_VIOLATION, "null value in column \""
          + names.get(column) + "\" of relation \"" + tableName
          + "\" violates not-null constraint", null, null);
    }
  }

  private void store(int field, byte[] data, int from, int to) {
    if (headerFields != null) {
      headerFields.add(new String(data, from, to - from, StandardCharsets.UTF_8));
      return;
    }
    int column = targets[field];
    try {
      values.write(vectors[column], types.get(column), row, data, from, to);
    } catch (ExaException e) {
      throw new RecordError(new CopyError(e, record, names.get(column),
          new String(data, from, to - from, StandardCharsets.UTF_8)));
    }
  }

  private RecordError recordError(SqlState state, String message, String column, String text) {
    return new RecordError(new CopyError(new ExaException(state, message), record, column,
        text));
  }

  /** The text of the line starting at or before position, for error messages. */
  private static String line(byte[] data, int position, int to) {
    int end = position;
    while (end < to && data[end] != '\n') {
      end++;
    }
    return new String(data, position, end - position, StandardCharsets.UTF_8);
  }
}
