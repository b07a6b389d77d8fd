package io.exapg.core.exec;

import java.util.List;

/**
 * A source, a chain of streaming operators and a sink, run by several worker threads over
 * the source's morsels.
 */
public record Pipeline(Source source, List<OperatorFactory> operators, PipelineSink sink) {
  public Pipeline {
    operators = List.copyOf(operators);
  }
}
