package io.exapg.storage.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.storage.format.DeleteBitmaps;
import io.exapg.storage.io.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.roaringbitmap.RoaringBitmap;

/**
 * A table's durable state: its live segment files with their deleted rows, and the last log
 * record reflected in them. Each version is a new file manifest-NNNNNNNNNNNNNNNNNNNN.json
 * written atomically; the newest one wins and older ones are removed.
 *
 * @param appliedLsn every commit record up to this LSN is contained in the segments
 */
public record Manifest(long version, long appliedLsn, long nextSegmentId, List<Entry> segments) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "manifest-";
  private static final int FORMAT_VERSION = 2;

  /** One live segment file and its deleted positions (null when none are). */
  public record Entry(long id, String file, int rows, RoaringBitmap deletes) {
  }

  public Manifest {
    segments = List.copyOf(segments);
  }

  public static Manifest empty() {
    return new Manifest(0, 0, 1, List.of());
  }

  /** The newest manifest in the directory, or an empty one if there is none. */
  public static Manifest load(Path directory) {
    List<Path> files = list(directory);
    if (files.isEmpty()) {
      return empty();
    }
    Path newest = files.get(files.size() - 1);
    try {
      JsonNode root = JSON.readTree(newest.toFile());
      int format = root.path("formatVersion").asInt(1);
      if (format != FORMAT_VERSION) {
        throw new ExaException(SqlState.DATA_CORRUPTED, "manifest " + newest + " has format "
            + format + "; this version of ExaPG reads format " + FORMAT_VERSION);
      }
      List<Entry> segments = new ArrayList<>();
      for (JsonNode segment : root.get("segments")) {
        JsonNode deletes = segment.get("deletes");
        segments.add(new Entry(segment.get("id").asLong(), segment.get("file").asText(),
            segment.get("rows").asInt(), deletes == null ? null
                : DeleteBitmaps.fromBytes(Base64.getDecoder().decode(deletes.asText()))));
      }
      return new Manifest(root.get("version").asLong(), root.get("appliedLsn").asLong(),
          root.get("nextSegmentId").asLong(), segments);
    } catch (ExaException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ExaException(SqlState.DATA_CORRUPTED,
          "cannot read manifest " + newest + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> list(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(p -> {
        String name = p.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(".json");
      }).sorted().toList();
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot list " + directory, e);
    }
  }

  /** Writes this manifest durably and removes the older ones. */
  public void save(Path directory) {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("version", version);
    root.put("appliedLsn", appliedLsn);
    root.put("nextSegmentId", nextSegmentId);
    ArrayNode list = root.putArray("segments");
    for (Entry entry : segments) {
      ObjectNode segment = list.addObject();
      segment.put("id", entry.id());
      segment.put("file", entry.file());
      segment.put("rows", entry.rows());
      if (entry.deletes() != null && !entry.deletes().isEmpty()) {
        segment.put("deletes",
            Base64.getEncoder().encodeToString(DeleteBitmaps.toBytes(entry.deletes())));
      }
    }
    Path file = directory.resolve(String.format("%s%020d.json", PREFIX, version));
    try {
      DurableFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(root));
      for (Path old : list(directory)) {
        if (!old.equals(file)) {
          Files.deleteIfExists(old);
        }
      }
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot write manifest in " + directory, e);
    }
  }
}
