package io.exapg.core.exec;

import io.exapg.core.error.ExaException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a query's pipelines in dependency order, each one morsel-driven on up to all worker
 * threads; finishes a sink once every pipeline feeding it has run, and releases a sink's output
 * once the last pipeline reading it has run.
 */
public final class PipelineExecutor {
  private PipelineExecutor() {
  }

  /**
   * @param releaseAfter for a pipeline, the sinks whose output no later pipeline reads
   * @param inline a sink whose pipelines run on the calling thread alone (a streaming result
   *     that may make its producer wait), or null
   */
  public static void run(List<Pipeline> pipelines, Map<Pipeline, List<PipelineSink>> releaseAfter,
      QueryContext context, PipelineSink inline) {
    Map<PipelineSink, Integer> feeders = new IdentityHashMap<>();
    for (Pipeline pipeline : pipelines) {
      feeders.merge(pipeline.sink(), 1, Integer::sum);
    }
    for (Pipeline pipeline : pipelines) {
      context.checkCancelled();
      runPipeline(pipeline, context, pipeline.sink() == inline);
      if (feeders.merge(pipeline.sink(), -1, Integer::sum) == 0) {
        pipeline.sink().finish(context);
      }
      for (PipelineSink done : releaseAfter.getOrDefault(pipeline, List.of())) {
        done.releaseOutput();
      }
    }
  }

  private static void runPipeline(Pipeline pipeline, QueryContext context, boolean inline) {
    Source source = pipeline.source();
    try {
      source.open(context);
      int morsels = source.morselCount();
      int parallelism = source.ordered() || inline ? 1
          : Math.max(1, Math.min(context.workers().threads(), morsels));
      AtomicInteger next = new AtomicInteger();
      AtomicBoolean done = new AtomicBoolean();
      context.workers().runAll(parallelism, worker -> {
        TaskContext task = new TaskContext(context, done);
        List<BatchSink> links = new ArrayList<>();
        try {
          BatchSink chain = pipeline.sink().createLocal(task);
          links.add(chain);
          List<OperatorFactory> operators = pipeline.operators();
          for (int k = operators.size() - 1; k >= 0; k--) {
            chain = operators.get(k).create(task, chain);
            links.add(chain);
          }
          while (!done.get()) {
            int morsel = next.getAndIncrement();
            if (morsel >= morsels) {
              break;
            }
            context.checkCancelled();
            source.produce(morsel, task, chain);
          }
          chain.finish();
        } catch (Throwable t) {
          done.set(true);
          throw ExaException.wrap(t);
        } finally {
          for (BatchSink link : links) {
            link.close();
          }
        }
      });
    } finally {
      source.close();
    }
  }
}
