package io.exapg.storage.format;

/**
 * A dictionary-encoded string chunk without its strings decoded: the sorted entries and each
 * row's code, so that predicates can be checked once per entry instead of once per row.
 *
 * @param starts entry d is entries[starts[d], starts[d + 1])
 * @param codes the code of each row (meaningless where nulls is set)
 */
public record StringDictionary(byte[] entries, int[] starts, int size, long[] codes,
    boolean[] nulls) {
}
