package io.exapg.benchmarks.slt;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The public sqllogictest corpus as net.hydromatic:sql-logic-test ships it on Maven Central:
 * .test files under test/ inside the jar, read from the class path.
 */
public final class SltCorpus {
  /** The files issue 5 measures: select1 to select5 and three directories of random tests. */
  public static final List<String> DEFAULT = List.of("select1", "select2", "select3", "select4",
      "select5", "random/aggregates", "random/expr", "random/groupby");

  private final Path root;

  private SltCorpus(Path root) {
    this.root = root;
  }

  public static SltCorpus open() throws IOException {
    URL marker = SltCorpus.class.getClassLoader().getResource("test/select1.test");
    if (marker == null) {
      throw new IllegalStateException("the sqllogictest corpus (net.hydromatic:sql-logic-test)"
          + " is not on the class path");
    }
    try {
      URI uri = marker.toURI();
      if (!uri.getScheme().equals("jar")) {
        return new SltCorpus(Path.of(uri).getParent());
      }
      FileSystem jar;
      try {
        jar = FileSystems.getFileSystem(uri);
      } catch (FileSystemNotFoundException e) {
        jar = FileSystems.newFileSystem(uri, Map.of());
      }
      return new SltCorpus(jar.getPath("/test"));
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  /**
   * The files a list of names stands for: a file ("select1") or a directory
   * ("random/expr"), whose files are taken in numeric order, at most perDirectory of them
   * (0: all).
   */
  public List<String> files(List<String> names, int perDirectory) throws IOException {
    List<String> files = new ArrayList<>();
    for (String name : names) {
      Path path = root.resolve(name);
      if (Files.isDirectory(path)) {
        try (Stream<Path> entries = Files.list(path)) {
          List<String> inDirectory = entries.map(p -> name + "/" + p.getFileName())
              .filter(f -> f.endsWith(".test"))
              .sorted(Comparator.comparingInt(SltCorpus::number).thenComparing(f -> f))
              .map(f -> f.substring(0, f.length() - ".test".length())).toList();
          files.addAll(perDirectory > 0 && inDirectory.size() > perDirectory
              ? inDirectory.subList(0, perDirectory) : inDirectory);
        }
      } else if (Files.exists(root.resolve(name + ".test"))) {
        files.add(name);
      } else {
        throw new IllegalArgumentException("no sqllogictest file or directory " + name);
      }
    }
    return files;
  }

  private static int number(String file) {
    String digits = file.replaceAll("^.*?(\\d+)\\.test$", "$1");
    return digits.matches("\\d+") ? Integer.parseInt(digits) : 0;
  }

  public List<SltRecord> records(String file) throws IOException {
    return SltParser.parse(Files.readAllLines(root.resolve(file + ".test"),
        StandardCharsets.UTF_8));
  }
}
