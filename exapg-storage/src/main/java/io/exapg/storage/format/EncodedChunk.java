package io.exapg.storage.format;

/**
 * One column chunk as stored: the payload after optional zstd compression, with what is
 * needed to read it back.
 *
 * @param rawBytes size of the values uncompressed in their plain form, for statistics
 */
public record EncodedChunk(byte[] stored, Encoding encoding, boolean compressed,
    int payloadLength, ZoneMap zoneMap, long rawBytes) {
}
