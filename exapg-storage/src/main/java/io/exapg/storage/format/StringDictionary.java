package io.exapg.storage.format;

import java.util.Arrays;

/**
 * A dictionary-encoded string chunk without its strings decoded: the sorted entries and each
 * row's code, so that predicates can be checked once per entry instead of once per row.
 *
 * @param starts entry d is entries[starts[d], starts[d + 1])
 * @param codes the code of each row (meaningless where nulls is set)
 */
public record StringDictionary(byte[] entries, int[] starts, int size, long[] codes,
    boolean[] nulls) {

  /** A copy of the first rows that owns its arrays (decoding fills reused scratch arrays). */
  public StringDictionary copy(int rows) {
    return new StringDictionary(Arrays.copyOf(entries, starts[size]),
        Arrays.copyOf(starts, size + 1), size, Arrays.copyOf(codes, rows),
        Arrays.copyOf(nulls, rows));
  }

  /** Heap bytes of the arrays, for cache budgets. */
  public long memoryBytes() {
    return 64 + entries.length + starts.length * 4L + codes.length * 8L + nulls.length;
  }
}
