package io.exapg.core.exec;

import io.exapg.core.error.ExaException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** The server's worker threads, one per core by default, shared by all queries. */
public final class WorkerPool implements AutoCloseable {
  private final ExecutorService executor;
  private final int threads;

  public WorkerPool(int threads) {
    this.threads = Math.max(1, threads);
    AtomicInteger counter = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(this.threads, runnable -> {
      Thread thread = new Thread(runnable, "exapg-worker-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  public int threads() {
    return threads;
  }

  /**
   * Runs task(0) .. task(parallelism - 1) concurrently and waits for all of them. The caller
   * runs task(0) itself. The first failure is rethrown once all tasks have stopped.
   */
  public void runAll(int parallelism, IntConsumer task) {
    if (parallelism <= 1) {
      task.accept(0);
      return;
    }
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 1; i < parallelism; i++) {
      int index = i;
      futures.add(executor.submit(() -> task.accept(index)));
    }
    Throwable failure = null;
    try {
      task.accept(0);
    } catch (Throwable t) {
      failure = t;
    }
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (failure == null) {
          failure = e;
        }
      }
    }
    if (failure != null) {
      throw ExaException.wrap(failure);
    }
  }

  /**
   * Runs task(0) .. task(count - 1), spread over at most one worker per thread, and waits for
   * all of them.
   */
  public void runEach(int count, IntConsumer task) {
    int parallelism = Math.min(count, threads);
    runAll(parallelism, worker -> {
      for (int i = worker; i < count; i += parallelism) {
        task.accept(i);
      }
    });
  }

  /** Runs a task on a worker thread; tasks start in the order they are submitted. */
  public Future<?> submit(Runnable task) {
    return executor.submit(task);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
