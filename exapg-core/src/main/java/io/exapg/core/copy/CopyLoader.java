package io.exapg.core.copy;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.WorkerPool;
import io.exapg.core.table.TableWriter;
import io.exapg.core.type.DataType;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Loads the data of COPY ... FROM STDIN into a table writer as it arrives. The data is cut
 * into pieces of about a megabyte at line breaks; worker threads parse the pieces in parallel,
 * and hand them to the writer one after another in their order in the data, so that rows keep
 * their order and errors name the right line. At most a few pieces are held at a time,
 * whatever the size of the data.
 */
public final class CopyLoader implements AutoCloseable {
  private static final int PIECE_BYTES = 1 << 20;
  private static final int MAX_RECORD_BYTES = 256 << 20;

  private final CopyOptions options;
  private final String tableName;
  private final List<String> names;
  private final List<DataType> types;
  private final boolean[] nullable;
  private final int[] targets;
  private final TableWriter writer;
  private final WorkerPool workers;
  private final BufferAllocator allocator;
  private final Map<Thread, CopyChunkParser> parsers = new ConcurrentHashMap<>();
  private final ArrayDeque<Future<?>> inFlight = new ArrayDeque<>();
  private final Object turn = new Object();
  private byte[] buffer = new byte[PIECE_BYTES + 65536];
  private int length;
  private long submitted;
  // The fields below are only touched by the piece whose turn it is (guarded by turn).
  private long appended;
  private long lines;
  private long rows;
  private byte[] carry;
  private boolean carryHasHeader;
  private boolean endOfData;
  private volatile ExaException failure;

  /**
   * @param types the table's column types, in table order
   * @param targets for each field of a record, the table column it goes to
   */
  public CopyLoader(CopyOptions options, String tableName, List<String> names,
      List<DataType> types, boolean[] nullable, int[] targets, TableWriter writer,
      WorkerPool workers, BufferAllocator allocator) {
    this.options = options;
    this.tableName = tableName;
    this.names = names;
    this.types = types;
    this.nullable = nullable;
    this.targets = targets;
    this.writer = writer;
    this.workers = workers;
    this.allocator = allocator;
  }

  /** Takes the next bytes of the data; throws the first error found so far. */
  public void write(ByteBuffer data) {
    checkFailure();
    int count = data.remaining();
    ensureCapacity(length + count);
    data.get(buffer, length, count);
    length += count;
    while (length >= PIECE_BYTES) {
      int cut = CopyRecordSplitter.lastRecordEnd(buffer, 0, length, options);
      if (cut <= 0) {
        if (length > MAX_RECORD_BYTES) {
          throw new ExaException(SqlState.BAD_COPY_FILE_FORMAT,
              "a line of COPY data is longer than " + (MAX_RECORD_BYTES >> 20) + " MB");
        }
        return;
      }
      submit(cut, false);
    }
  }

  private void ensureCapacity(int needed) {
    if (buffer.length < needed) {
      byte[] grown = new byte[Math.max(needed, buffer.length * 2)];
      System.arraycopy(buffer, 0, grown, 0, length);
      buffer = grown;
    }
  }

  /** Hands buffer[0, cut) to a worker; the rest starts the next piece's buffer. */
  private void submit(int cut, boolean last) {
    byte[] piece = buffer;
    int pieceLength = cut;
    buffer = new byte[Math.max(PIECE_BYTES + 65536, length - cut)];
    System.arraycopy(piece, cut, buffer, 0, length - cut);
    length -= cut;
    while (inFlight.size() >= 2 * workers.threads()) {
      await(inFlight.poll());
      checkFailure();
    }
    long index = submitted++;
    inFlight.add(workers.submit(() -> load(index, piece, pieceLength, last)));
  }

  private void await(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExaException(SqlState.QUERY_CANCELED, "COPY was interrupted", e);
    } catch (ExecutionException e) {
      throw ExaException.wrap(e.getCause());
    }
  }

  private void checkFailure() {
    ExaException error = failure;
    if (error != null) {
      throw error;
    }
  }

  /** End of the data: loads what is left; returns the number of rows loaded. */
  public long finish() {
    checkFailure();
    if (length > 0 || submitted == 0) {
      submit(length, true);
    } else {
      submitLastMarker();
    }
    while (!inFlight.isEmpty()) {
      await(inFlight.poll());
    }
    checkFailure();
    writer.finish();
    synchronized (turn) {
      return rows;
    }
  }

  /** All data was cut at line breaks; an empty last piece still ends a pending quote. */
  private void submitLastMarker() {
    long index = submitted++;
    inFlight.add(workers.submit(() -> load(index, new byte[0], 0, true)));
  }

  /** Parses one piece, then waits for its turn and hands its rows to the writer. */
  private void load(long index, byte[] data, int dataLength, boolean last) {
    byte[] piece = data;
    int pieceLength = dataLength;
    CopyChunkParser parser = parsers.computeIfAbsent(Thread.currentThread(),
        thread -> new CopyChunkParser(options, tableName, names, types, nullable, targets,
            allocator));
    boolean header = options.header() != CopyOptions.Header.NONE;
    CopyChunkParser.ParsedChunk parsed = null;
    RuntimeException parseFailure = null;
    if (failure == null) {
      try {
        parsed = parser.parse(piece, 0, pieceLength, index == 0 && header);
        // Statistics need no order: gathered here, in parallel, not in turn. (Should this
        // piece turn out to start inside a quoted field, its rows are counted though the
        // piece is parsed again; the estimates can bear that.)
        observe(parsed);
      } catch (RuntimeException e) {
        parseFailure = e;
      }
    }
    awaitTurn(index);
    try {
      if (failure != null || endOfData) {
        return;
      }
      if (carry != null) {
        // The previous piece was cut inside a quoted field: this one did not start at a
        // record, so its own parse means nothing; parse both together.
        close(parsed);
        parsed = null;
        byte[] joined = new byte[carry.length + pieceLength];
        System.arraycopy(carry, 0, joined, 0, carry.length);
        System.arraycopy(piece, 0, joined, carry.length, pieceLength);
        boolean joinedHeader = carryHasHeader;
        carry = null;
        piece = joined;
        pieceLength = joined.length;
        parsed = parser.parse(piece, 0, pieceLength, joinedHeader);
        observe(parsed);
      } else if (parseFailure != null) {
        throw parseFailure;
      }
      append(parsed, piece, pieceLength, last, index == 0 && header);
    } catch (RuntimeException e) {
      failure = ExaException.wrap(e);
    } finally {
      close(parsed);
      synchronized (turn) {
        appended++;
        turn.notifyAll();
      }
    }
  }

  private void observe(CopyChunkParser.ParsedChunk parsed) {
    if (parsed.error() == null && !parsed.endsInQuote() && parsed.rows() > 0) {
      writer.observe(Batch.of(parsed.vectors(), parsed.rows()));
    }
  }

  /** Waits until every earlier piece was handed over; earlier pieces always get there. */
  private void awaitTurn(long index) {
    boolean interrupted = false;
    synchronized (turn) {
      while (appended != index) {
        try {
          turn.wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Hands a parsed piece to the writer in its turn, or records why it cannot. */
  private void append(CopyChunkParser.ParsedChunk parsed, byte[] piece, int pieceLength,
      boolean last, boolean hasHeader) {
    if (parsed.endsInQuote()) {
      if (last) {
        failure = new ExaException(SqlState.BAD_COPY_FILE_FORMAT,
            "unterminated CSV quoted field").withContext(context(lines + parsed.records() + 1,
            null, null));
      } else {
        carry = Arrays.copyOf(piece, pieceLength);
        carryHasHeader = hasHeader;
      }
      return;
    }
    if (parsed.error() != null) {
      CopyChunkParser.CopyError error = parsed.error();
      failure = error.cause().withContext(context(lines + error.record() + 1, error.column(),
          error.text()));
      return;
    }
    if (parsed.rows() > 0) {
      writer.appendObserved(Batch.of(parsed.vectors(), parsed.rows()));
    }
    rows += parsed.rows();
    lines += parsed.records();
    endOfData = parsed.endOfData();
  }

  private String context(long line, String column, String text) {
    StringBuilder context = new StringBuilder("COPY ").append(tableName).append(", line ")
        .append(line);
    if (column != null) {
      context.append(", column ").append(column);
    }
    if (text != null) {
      String shown = text.length() > 100 ? text.substring(0, 100) + "..." : text;
      context.append(": \"").append(shown).append('"');
    }
    return context.toString();
  }

  private static void close(CopyChunkParser.ParsedChunk parsed) {
    if (parsed != null && parsed.vectors() != null) {
      Vectors.close(parsed.vectors());
    }
  }

  /** Stops loading: waits for the pieces in flight and drops what they parsed. */
  @Override
  public void close() {
    if (failure == null) {
      failure = new ExaException(SqlState.QUERY_CANCELED, "COPY was stopped");
    }
    while (!inFlight.isEmpty()) {
      try {
        inFlight.poll().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException ignored) {
        // the failure is already what the client is told
      }
    }
  }
}
