package io.exapg.core.exec.operator;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.OperatorFactory;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.exec.hash.ValueWriter;
import io.exapg.core.plan.UnnestNode;
import io.exapg.core.type.ArrayText;
import io.exapg.core.type.DataType;
import io.exapg.core.type.TextFormat;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Expands each row's array into one row per element: input columns are gathered once per
 * element, elements are converted from their canonical text to the element type. Output goes
 * out in batches of at most {@link #MAX_ROWS} rows.
 */
public final class UnnestOperator implements BatchSink {
  private static final int MAX_ROWS = 4096;

  private final UnnestNode node;
  private final List<DataType> outputTypes;
  private final BufferAllocator allocator;
  private final BatchSink downstream;
  private final int[] sourceRows = new int[MAX_ROWS];
  private final String[] elements = new String[MAX_ROWS];
  private final int[] positions = new int[MAX_ROWS];
  private int pending;
  private Batch pendingInput;

  private UnnestOperator(UnnestNode node, BufferAllocator allocator, BatchSink downstream) {
    this.node = node;
    this.outputTypes = node.outputTypes();
    this.allocator = allocator;
    this.downstream = downstream;
  }

  public static OperatorFactory factory(UnnestNode node) {
    return (TaskContext task, BatchSink downstream) ->
        new UnnestOperator(node, task.query().allocator(), downstream);
  }

  @Override
  public void push(Batch batch) {
    FieldVector arrays = batch.column(node.arrayColumn());
    pendingInput = batch;
    for (int j = 0; j < batch.size(); j++) {
      int row = batch.row(j);
      List<String> values = arrays.getNullCount() > 0
          && BitVectorHelper.get(arrays.getValidityBuffer(), row) == 0 ? List.of()
          : ArrayText.parse(Vectors.string(arrays, row));
      if (values.isEmpty() && node.outer()) {
        add(row, null, 0);
      }
      for (int k = 0; k < values.size(); k++) {
        add(row, values.get(k), k + 1);
      }
    }
    flush();
    pendingInput = null;
  }

  private void add(int row, String element, int position) {
    if (pending == MAX_ROWS) {
      flush();
    }
    sourceRows[pending] = row;
    elements[pending] = element;
    positions[pending] = position;
    pending++;
  }

  private void flush() {
    if (pending == 0) {
      return;
    }
    int inputColumns = pendingInput.columnCount();
    FieldVector[] out = Vectors.allocate(outputTypes, allocator, pending);
    try {
      for (int c = 0; c < inputColumns; c++) {
        Vectors.gather(pendingInput.column(c), sourceRows, pending, out[c], 0);
      }
      DataType elementType = outputTypes.get(inputColumns);
      for (int k = 0; k < pending; k++) {
        ValueWriter.setObject(out[inputColumns], k, elements[k] == null ? null
            : TextFormat.parse(elements[k], elementType));
        if (node.ordinality()) {
          ValueWriter.setObject(out[inputColumns + 1], k,
              positions[k] == 0 ? null : positions[k]);
        }
      }
      Vectors.setValueCount(out, pending);
      downstream.push(Batch.of(out, pending));
    } finally {
      Vectors.close(out);
    }
    pending = 0;
  }

  @Override
  public void finish() {
    downstream.finish();
  }

  @Override
  public void close() {
  }
}
