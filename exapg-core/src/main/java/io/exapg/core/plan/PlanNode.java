package io.exapg.core.plan;

import io.exapg.core.type.DataType;
import java.io.Serializable;
import java.util.List;

/**
 * An immutable, serializable description of a physical operator, free of planner types: the
 * planner emits these and execution (here or, later, on another node) builds operators from
 * them.
 */
public sealed interface PlanNode extends Serializable
    permits ScanNode, FilterNode, ProjectNode, AggregateNode, HashJoinNode, NestedLoopJoinNode,
        SortNode, LimitNode, ValuesNode, UnionAllNode, GenerateSeriesNode, InsertNode, DeleteNode,
        UpdateNode, WindowNode, AnalyzeNode, UnnestNode {
  List<DataType> outputTypes();

  List<PlanNode> inputs();

  /** One line for EXPLAIN: the operator's name and arguments, without its inputs. */
  String describe();
}
