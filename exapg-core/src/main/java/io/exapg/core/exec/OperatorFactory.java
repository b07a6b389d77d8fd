package io.exapg.core.exec;

/** Builds one thread's instance of a streaming operator in front of a downstream link. */
public interface OperatorFactory {
  BatchSink create(TaskContext task, BatchSink downstream);
}
