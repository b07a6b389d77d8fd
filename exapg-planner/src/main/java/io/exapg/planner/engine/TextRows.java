package io.exapg.planner.engine;

import io.exapg.core.batch.Batch;
import io.exapg.core.engine.ResultStream;
import io.exapg.core.memory.MemoryManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/** A small result of text rows built by the engine itself (SHOW, EXPLAIN). */
final class TextRows {
  private TextRows() {
  }

  static ResultStream stream(List<List<String>> rows, int columns, MemoryManager memory) {
    BufferAllocator allocator = memory.newChildAllocator("text-result", 64L << 20);
    FieldVector[] vectors = new FieldVector[columns];
    for (int c = 0; c < columns; c++) {
      VarCharVector vector = new VarCharVector("c" + c, allocator);
      vector.allocateNew(Math.max(1, rows.size()));
      for (int r = 0; r < rows.size(); r++) {
        String value = rows.get(r).get(c);
        if (value == null) {
          vector.setNull(r);
        } else {
          vector.setSafe(r, value.getBytes(StandardCharsets.UTF_8));
        }
      }
      vector.setValueCount(rows.size());
      vectors[c] = vector;
    }
    return new ResultStream() {
      private boolean done;
      private boolean closed;

      @Override
      public Batch next() {
        if (done) {
          return null;
        }
        done = true;
        return Batch.of(vectors, rows.size());
      }

      @Override
      public void close() {
        if (closed) {
          return;
        }
        closed = true;
        for (FieldVector vector : vectors) {
          vector.close();
        }
        allocator.close();
      }
    };
  }
}
