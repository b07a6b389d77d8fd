package io.exapg.core.exec;

import io.exapg.core.batch.Batch;

/**
 * Wraps the parts of a pipeline so that each charges its plan node's
 * {@link OperatorStatistics}: time inside an operator's push and finish, minus the time spent
 * in the links it pushes to, and the rows and batches it pushes on.
 */
final class Instrumentation {
  private Instrumentation() {
  }

  static OperatorFactory operator(OperatorStatistics statistics, OperatorFactory factory) {
    return (task, downstream) -> entry(statistics,
        factory.create(task, exit(statistics, downstream)));
  }

  static Source source(OperatorStatistics statistics, Source source) {
    return new Source() {
      @Override
      public void open(QueryContext context) {
        long start = System.nanoTime();
        source.open(context);
        statistics.addInclusiveNanos(System.nanoTime() - start);
      }

      @Override
      public int morselCount() {
        return source.morselCount();
      }

      @Override
      public void produce(int morsel, TaskContext task, BatchSink sink) {
        long start = System.nanoTime();
        source.produce(morsel, task, exit(statistics, sink));
        statistics.addInclusiveNanos(System.nanoTime() - start);
      }

      @Override
      public boolean ordered() {
        return source.ordered();
      }

      @Override
      public String describe() {
        return source.describe();
      }

      @Override
      public void close() {
        source.close();
      }
    };
  }

  static PipelineSink sink(OperatorStatistics statistics, PipelineSink sink) {
    return new PipelineSink() {
      @Override
      public BatchSink createLocal(TaskContext task) {
        return entry(statistics, sink.createLocal(task));
      }

      @Override
      public void finish(QueryContext context) {
        long start = System.nanoTime();
        try {
          sink.finish(context);
        } finally {
          statistics.addInclusiveNanos(System.nanoTime() - start);
          statistics.recordMemory(sink.memoryBytes());
        }
      }

      @Override
      public long memoryBytes() {
        return sink.memoryBytes();
      }

      @Override
      public void close() {
        sink.close();
      }
    };
  }

  /** Times the calls into a link. */
  private static BatchSink entry(OperatorStatistics statistics, BatchSink link) {
    return new BatchSink() {
      @Override
      public void push(Batch batch) {
        long start = System.nanoTime();
        try {
          link.push(batch);
        } finally {
          statistics.addInclusiveNanos(System.nanoTime() - start);
        }
      }

      @Override
      public void finish() {
        long start = System.nanoTime();
        try {
          link.finish();
        } finally {
          statistics.addInclusiveNanos(System.nanoTime() - start);
        }
      }

      @Override
      public void close() {
        link.close();
      }
    };
  }

  /**
   * Counts what a link pushes on and times the calls out of it. Closing it does nothing: the
   * executor closes every link itself.
   */
  private static BatchSink exit(OperatorStatistics statistics, BatchSink downstream) {
    return new BatchSink() {
      @Override
      public void push(Batch batch) {
        statistics.addOutput(batch.size());
        long start = System.nanoTime();
        try {
          downstream.push(batch);
        } finally {
          statistics.addDownstreamNanos(System.nanoTime() - start);
        }
      }

      @Override
      public void finish() {
        long start = System.nanoTime();
        try {
          downstream.finish();
        } finally {
          statistics.addDownstreamNanos(System.nanoTime() - start);
        }
      }
    };
  }
}
