package io.exapg.storage.format;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import io.exapg.core.type.TypeId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Serialization of segment headers, footers and zone maps (docs/storage-format.md). */
public final class SegmentFormat {
  public static final byte[] MAGIC = "EXASEG01".getBytes(StandardCharsets.US_ASCII);
  public static final int FORMAT_VERSION = 1;
  public static final int HEADER_LENGTH = 16;
  public static final int TRAILER_LENGTH = 16;

  private SegmentFormat() {
  }

  public static byte[] header() {
    return new ByteWriter(HEADER_LENGTH).bytes(MAGIC).u32(FORMAT_VERSION).u32(0).toByteArray();
  }

  public static void checkHeader(byte[] header, String file) {
    ByteReader in = new ByteReader(header);
    if (!java.util.Arrays.equals(in.bytes(8), MAGIC)) {
      throw corrupt(file, "not a segment file");
    }
    int version = in.u32();
    if (version != FORMAT_VERSION) {
      throw corrupt(file, "unsupported format version " + version);
    }
  }

  public static byte[] footer(SegmentMeta meta) {
    ByteWriter out = new ByteWriter(1024);
    out.u32(meta.types().size());
    for (DataType type : meta.types()) {
      out.u8(type.id().ordinal()).u32(type.precision()).u32(type.scale());
    }
    out.u32(meta.rowGroups().size());
    for (RowGroupMeta group : meta.rowGroups()) {
      out.u32(group.rowCount());
      for (int c = 0; c < group.chunks().size(); c++) {
        ChunkMeta chunk = group.chunks().get(c);
        out.u64(chunk.offset()).u32(chunk.storedLength()).u32(chunk.checksum());
        out.u8(chunk.encoding().code()).u8(chunk.compressed() ? 1 : 0);
        out.u32(chunk.payloadLength()).u64(chunk.rawBytes());
        writeZoneMap(out, chunk.zoneMap(), meta.types().get(c));
      }
    }
    return out.toByteArray();
  }

  public static SegmentMeta readFooter(byte[] footer, String file) {
    try {
      ByteReader in = new ByteReader(footer);
      int columns = in.u32();
      List<DataType> types = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        int id = in.u8();
        if (id >= TypeId.values().length) {
          throw corrupt(file, "unknown type " + id);
        }
        types.add(new DataType(TypeId.values()[id], in.u32(), in.u32()));
      }
      int groups = in.u32();
      List<RowGroupMeta> rowGroups = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        int rows = in.u32();
        List<ChunkMeta> chunks = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
          long offset = in.u64();
          int stored = in.u32();
          int checksum = in.u32();
          Encoding encoding = Encoding.of(in.u8());
          boolean compressed = in.u8() != 0;
          int payload = in.u32();
          long raw = in.u64();
          ZoneMap zone = readZoneMap(in, types.get(c));
          chunks.add(new ChunkMeta(offset, stored, checksum, encoding, compressed, payload, zone,
              raw));
        }
        rowGroups.add(new RowGroupMeta(rows, chunks));
      }
      return new SegmentMeta(types, rowGroups);
    } catch (ExaException e) {
      throw corrupt(file, e.getMessage());
    }
  }

  static void writeZoneMap(ByteWriter out, ZoneMap zone, DataType type) {
    out.u32(zone.rowCount()).u32(zone.nullCount()).u8(zone.hasRange() ? 1 : 0);
    if (!zone.hasRange()) {
      return;
    }
    PhysicalType physical = type.physical();
    if (physical == PhysicalType.VARBINARY) {
      out.u16(zone.minBytes().length).bytes(zone.minBytes());
      out.u16(zone.maxBytes().length).bytes(zone.maxBytes());
    } else if (physical == PhysicalType.FLOAT32 || physical == PhysicalType.FLOAT64) {
      out.f64(zone.minDouble()).f64(zone.maxDouble());
    } else {
      out.u64(zone.minLong()).u64(zone.maxLong());
    }
  }

  static ZoneMap readZoneMap(ByteReader in, DataType type) {
    int rows = in.u32();
    int nulls = in.u32();
    boolean hasRange = in.u8() != 0;
    PhysicalType physical = type.physical();
    if (physical == PhysicalType.VARBINARY) {
      if (!hasRange) {
        return ZoneMap.ofBytes(rows, nulls, null, null);
      }
      byte[] min = in.bytes(in.u16());
      byte[] max = in.bytes(in.u16());
      return ZoneMap.ofBytes(rows, nulls, min, max);
    }
    if (physical == PhysicalType.FLOAT32 || physical == PhysicalType.FLOAT64) {
      if (!hasRange) {
        return ZoneMap.ofDoubles(rows, nulls, false, 0, 0);
      }
      return ZoneMap.ofDoubles(rows, nulls, true, in.f64(), in.f64());
    }
    if (!hasRange) {
      return new ZoneMap(rows, nulls, false, 0, 0, 0, 0, null, null);
    }
    return ZoneMap.ofLongs(rows, nulls, in.u64(), in.u64());
  }

  public static ExaException corrupt(String file, String detail) {
    return new ExaException(SqlState.DATA_CORRUPTED,
        "corrupt segment file " + file + ": " + detail);
  }
}
