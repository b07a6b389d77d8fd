package io.exapg.core.exec.aggregate;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.hash.Hashing;
import io.exapg.core.exec.hash.KeySerializer;
import io.exapg.core.exec.spill.HashPartitions;
import io.exapg.core.exec.spill.SpillFile;
import io.exapg.core.type.DataType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Partial groups that aggregations moved to disk, split by the hash of their keys into
 * partitions: all partial states of one group land in the same partition, so each partition
 * can be merged into final groups on its own, with a fraction of the memory. Thread-safe.
 */
public final class SpilledGroups implements AutoCloseable {
  private static final int CHUNK_GROUPS = 16384;

  private final int keyCount;
  private final HashPartitions partitions;

  public SpilledGroups(List<DataType> stateTypes, int keyCount) {
    this.keyCount = keyCount;
    this.partitions = new HashPartitions(stateTypes);
  }

  /** Writes every group of the aggregation, with its partial states, to its partition. */
  public void spill(Aggregation aggregation, QueryContext context) {
    int[] keyColumns = new int[keyCount];
    for (int k = 0; k < keyCount; k++) {
      keyColumns[k] = k;
    }
    KeySerializer keys = new KeySerializer(keyColumns);
    long[] hashes = new long[CHUNK_GROUPS];
    int groups = aggregation.groupCount();
    for (int from = 0; from < groups; from += CHUNK_GROUPS) {
      context.checkCancelled();
      int count = Math.min(CHUNK_GROUPS, groups - from);
      FieldVector[] states = Vectors.allocate(partitions.types(), context.allocator(), count);
      try {
        aggregation.writeStates(states, from, count);
        Vectors.setValueCount(states, count);
        Batch batch = Batch.of(states, count);
        keys.serialize(batch);
        byte[] bytes = keys.bytes();
        for (int j = 0; j < count; j++) {
          hashes[j] = Hashing.hashBytes(bytes, keys.offset(j), keys.length(j));
        }
        partitions.write(batch, hashes, null, context);
      } finally {
        Vectors.close(states);
      }
    }
  }

  public List<DataType> stateTypes() {
    return partitions.types();
  }

  public int partitionCount() {
    return HashPartitions.COUNT;
  }

  /** Writes what the partitions still hold in memory; call before merging them. */
  public void flush(QueryContext context) {
    partitions.flush(context);
  }

  /** Merges the partial groups of one partition into the target, then deletes them. */
  public void mergePartition(int p, Aggregation target, QueryContext context) {
    SpillFile file = partitions.take(p);
    if (file == null) {
      return;
    }
    try {
      for (int chunk = 0; chunk < file.chunkCount(); chunk++) {
        context.checkCancelled();
        FieldVector[] vectors = file.read(chunk, context.allocator());
        try {
          target.mergeStates(Batch.of(vectors, file.rowCount(chunk)));
        } finally {
          Vectors.close(vectors);
        }
      }
    } finally {
      file.close();
    }
  }

  @Override
  public void close() {
    partitions.close();
  }
}
