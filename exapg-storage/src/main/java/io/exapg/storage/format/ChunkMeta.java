package io.exapg.storage.format;

/** Where a column chunk lies in its segment file and how to read it. */
public record ChunkMeta(long offset, int storedLength, int checksum, Encoding encoding,
    boolean compressed, int payloadLength, ZoneMap zoneMap, long rawBytes) {
}
