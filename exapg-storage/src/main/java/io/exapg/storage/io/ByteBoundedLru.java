package io.exapg.storage.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A map of values up to a byte budget, least recently used first out; a value larger than an
 * eighth of the budget is not kept, so one scan of a huge chunk cannot empty it. Thread-safe.
 */
public final class ByteBoundedLru<K, V> {
  private final long capacityBytes;
  private final ToLongFunction<V> sizeOf;
  private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(1024, 0.75f, true);
  private long sizeBytes;

  public ByteBoundedLru(long capacityBytes, ToLongFunction<V> sizeOf) {
    this.capacityBytes = capacityBytes;
    this.sizeOf = sizeOf;
  }

  public long capacityBytes() {
    return capacityBytes;
  }

  public synchronized V get(K key) {
    return entries.get(key);
  }

  public synchronized void put(K key, V value) {
    long bytes = sizeOf.applyAsLong(value);
    if (bytes > capacityBytes / 8) {
      return;
    }
    V previous = entries.put(key, value);
    sizeBytes += bytes - (previous == null ? 0 : sizeOf.applyAsLong(previous));
    var it = entries.entrySet().iterator();
    while (sizeBytes > capacityBytes && it.hasNext()) {
      Map.Entry<K, V> eldest = it.next();
      sizeBytes -= sizeOf.applyAsLong(eldest.getValue());
      it.remove();
    }
  }

  public synchronized long sizeBytes() {
    return sizeBytes;
  }
}
