package io.exapg.core.exec.source;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.Source;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.exec.hash.ValueWriter;
import io.exapg.core.expr.Expr;
import io.exapg.core.plan.ValuesNode;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** The constant rows of a VALUES list, as one batch. */
public final class ValuesSource implements Source {
  private final ValuesNode node;

  public ValuesSource(ValuesNode node) {
    this.node = node;
  }

  @Override
  public int morselCount() {
    return 1;
  }

  @Override
  public void produce(int morsel, TaskContext task, BatchSink sink) {
    List<List<Expr>> rows = node.rows();
    FieldVector[] vectors = Vectors.allocate(node.outputTypes(), task.query().allocator(),
        rows.size());
    try {
      Object[] parameters = task.query().parameters();
      for (int r = 0; r < rows.size(); r++) {
        List<Expr> row = rows.get(r);
        for (int c = 0; c < vectors.length; c++) {
          ValueWriter.setObject(vectors[c], r, Constants.value(row.get(c), parameters));
        }
      }
      Vectors.setValueCount(vectors, rows.size());
      sink.push(Batch.of(vectors, rows.size()));
    } finally {
      Vectors.close(vectors);
    }
  }

  @Override
  public String describe() {
    return "values";
  }
}
