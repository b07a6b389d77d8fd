package io.exapg.core.exec;

/** Where the bytes of a chunk read came from. */
public enum IoTier {
  /** Tier 1: ExaPG's own chunk cache in the JVM. */
  MEMORY,
  /** Tier 2: the operating system's page cache (the pages were resident). */
  PAGE_CACHE,
  /** Tier 3: the storage device. */
  DEVICE
}
