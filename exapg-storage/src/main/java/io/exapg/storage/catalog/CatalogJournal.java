package io.exapg.storage.catalog;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.storage.io.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongPredicate;

/**
 * The catalog files as they were when a transaction block first changed the catalog, kept in
 * catalog/undo until the block ends. The block's changes are written through to the catalog
 * files at once; a rollback, or a crash before the block's commit record reached the log,
 * puts these images back. The id file is written last: a journal without it was interrupted
 * before any change was made and is simply removed.
 */
public final class CatalogJournal {
  private static final String CATALOG = "catalog.json";
  private static final String ACCESS = "access.json";
  private static final String ID = "id";

  private final Path directory;
  private final long id;
  private final byte[] catalogImage;
  private final byte[] accessImage;

  private CatalogJournal(Path directory, long id, byte[] catalogImage, byte[] accessImage) {
    this.directory = directory;
    this.id = id;
    this.catalogImage = catalogImage;
    this.accessImage = accessImage;
  }

  private static Path directoryIn(Path catalogDirectory) {
    return catalogDirectory.resolve("undo");
  }

  /** Writes the journal durably before the first change of a block. */
  public static CatalogJournal write(Path catalogDirectory, long id, byte[] catalogImage,
      byte[] accessImage) {
    Path directory = directoryIn(catalogDirectory);
    DurableFiles.deleteRecursively(directory);
    DurableFiles.createDirectories(directory);
    DurableFiles.writeAtomically(directory.resolve(CATALOG), catalogImage);
    DurableFiles.writeAtomically(directory.resolve(ACCESS), accessImage);
    DurableFiles.writeAtomically(directory.resolve(ID),
        Long.toString(id).getBytes(StandardCharsets.US_ASCII));
    DurableFiles.syncDirectory(catalogDirectory);
    return new CatalogJournal(directory, id, catalogImage, accessImage);
  }

  /** Identifies the block in its commit record. */
  public long id() {
    return id;
  }

  public byte[] catalogImage() {
    return catalogImage;
  }

  public byte[] accessImage() {
    return accessImage;
  }

  /** Removes the journal once the block committed or its changes were undone. */
  public void delete() {
    DurableFiles.deleteRecursively(directory);
    DurableFiles.syncDirectory(directory.getParent());
  }

  /**
   * At start-up, before the catalog is read: a journal left by a crash is removed when its
   * block committed; otherwise its images replace the catalog files first.
   */
  public static void recover(Path catalogDirectory, LongPredicate committed) {
    Path directory = directoryIn(catalogDirectory);
    if (!Files.isDirectory(directory)) {
      return;
    }
    try {
      if (Files.exists(directory.resolve(ID))) {
        long id = Long.parseLong(Files.readString(directory.resolve(ID),
            StandardCharsets.US_ASCII).trim());
        if (!committed.test(id)) {
          DurableFiles.writeAtomically(catalogDirectory.resolve(CATALOG),
              Files.readAllBytes(directory.resolve(CATALOG)));
          DurableFiles.writeAtomically(catalogDirectory.resolve(ACCESS),
              Files.readAllBytes(directory.resolve(ACCESS)));
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new ExaException(SqlState.DATA_CORRUPTED,
          "cannot read the catalog journal " + directory + ": " + e.getMessage(), e);
    }
    DurableFiles.deleteRecursively(directory);
    DurableFiles.syncDirectory(catalogDirectory);
  }
}
