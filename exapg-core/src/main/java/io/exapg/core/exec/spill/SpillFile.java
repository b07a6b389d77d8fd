package io.exapg.core.exec.spill;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Chunks of rows an operator moved out of memory: Arrow IPC record batches appended to one
 * temporary file, read back whole by position, in any order and by several threads.
 * Deleted when closed.
 */
public final class SpillFile implements AutoCloseable {
  private final SpillSpace space;
  private final Path path;
  private final List<Long> offsets = new ArrayList<>();
  private final List<Integer> rowCounts = new ArrayList<>();
  private Schema schema;
  private FileChannel channel;
  private WriteChannel out;

  SpillFile(SpillSpace space, Path path) {
    this.space = space;
    this.path = path;
  }

  /** Appends rows [0, count) of the vectors, which stay the caller's; returns its number. */
  public synchronized int write(FieldVector[] vectors, int count) {
    List<Field> fields = new ArrayList<>(vectors.length);
    for (FieldVector vector : vectors) {
      fields.add(vector.getField());
    }
    try {
      if (channel == null) {
        channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE, StandardOpenOption.READ);
        out = new WriteChannel(channel);
        schema = new Schema(fields);
      }
      long start = out.getCurrentPosition();
      // The root only lends the caller's vectors to the unloader; it is not closed here.
      VectorSchemaRoot root = new VectorSchemaRoot(fields, List.of(vectors), count);
      try (ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch()) {
        MessageSerializer.serialize(out, batch);
      }
      offsets.add(start);
      rowCounts.add(count);
      space.charge(out.getCurrentPosition() - start);
      return offsets.size() - 1;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  public synchronized int chunkCount() {
    return offsets.size();
  }

  public synchronized int rowCount(int chunk) {
    return rowCounts.get(chunk);
  }

  /** Reads chunk number index back into new vectors, which the caller closes. */
  public FieldVector[] read(int index, BufferAllocator allocator) {
    long offset;
    Schema fileSchema;
    synchronized (this) {
      offset = offsets.get(index);
      fileSchema = schema;
    }
    VectorSchemaRoot root = VectorSchemaRoot.create(fileSchema, allocator);
    try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
      in.position(offset);
      try (ArrowRecordBatch batch = (ArrowRecordBatch) MessageSerializer.deserializeMessageBatch(
          new ReadChannel(in), allocator)) {
        new VectorLoader(root).load(batch);
      }
      return root.getFieldVectors().toArray(new FieldVector[0]);
    } catch (IOException e) {
      root.close();
      throw failure(e);
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  private ExaException failure(IOException e) {
    return new ExaException(SqlState.IO_ERROR, "could not use spill file " + path + ": "
        + e.getMessage());
  }

  @Override
  public synchronized void close() {
    try {
      if (channel != null) {
        channel.close();
      }
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
