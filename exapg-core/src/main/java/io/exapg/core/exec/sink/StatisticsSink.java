package io.exapg.core.exec.sink;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.ModifySink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.stats.StatisticsCollector;
import io.exapg.core.stats.TableStatistics;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The root of ANALYZE: each thread sketches its rows, and the sketches are merged. */
public final class StatisticsSink implements ModifySink {
  private final List<DataType> types;
  private final List<StatisticsCollector> finished =
      Collections.synchronizedList(new ArrayList<>());
  private TableStatistics result;

  public StatisticsSink(List<DataType> types) {
    this.types = List.copyOf(types);
  }

  @Override
  public BatchSink createLocal(TaskContext task) {
    StatisticsCollector collector = new StatisticsCollector(types);
    return new BatchSink() {
      @Override
      public void push(Batch batch) {
        collector.add(batch);
      }

      @Override
      public void finish() {
        finished.add(collector);
      }
    };
  }

  @Override
  public void finish(QueryContext context) {
    StatisticsCollector all = new StatisticsCollector(types);
    synchronized (finished) {
      for (StatisticsCollector collector : finished) {
        all.merge(collector);
      }
    }
    result = all.result();
  }

  /** The statistics, once the plan ran. */
  public TableStatistics result() {
    return result;
  }

  @Override
  public long rowCount() {
    return result == null ? 0 : result.rows();
  }

  @Override
  public void close() {
  }
}
