package io.exapg.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many JDBC clients at once against one ExaPG node: a mix of short lookups, analytic queries,
 * inserts, and statements that fail on purpose, for a fixed time. Reports latencies per kind,
 * and checks that nothing failed that should not have, and that sessions and query memory are
 * all given back once the clients are gone (as the node's /health reports them).
 */
final class LoadBenchmark {
  /** What a client does in one step, with its share of the steps. */
  enum Kind {
    LOOKUP(45),
    ANALYTIC(15),
    INSERT(35),
    PROVOKED_ERROR(5);

    final int weight;

    Kind(int weight) {
      this.weight = weight;
    }
  }

  private static final int GROUPS = 100;
  private static final Pattern HEALTH_NUMBER = Pattern.compile("\"(\\w+)\":(\\d+)");

  /** Latencies (nanoseconds) and outcomes of one kind of step, from all clients. */
  static final class Tally {
    final ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
    final AtomicLong count = new AtomicLong();
    final AtomicLong unexpectedErrors = new AtomicLong();
  }

  /** What a run measured. */
  record Result(int clients, long seconds, Map<Kind, long[]> latencies,
      Map<Kind, Long> unexpectedErrors, List<String> firstErrors, long connectionsBefore,
      long connectionsAfter, long memoryBefore, long memoryAfter, long rowsInserted) {
    long unexpected() {
      return unexpectedErrors.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private LoadBenchmark() {
  }

  static Result run(ExapgEngine engine, int clients, long seconds, long rows) throws Exception {
    setUp(engine, rows);
    HttpClient http = HttpClient.newHttpClient();
    Map<String, Long> before = health(http, engine);
    Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      tallies.put(kind, new Tally());
    }
    List<String> firstErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicLong inserted = new AtomicLong();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(clients);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      threads.add(Thread.ofPlatform().name("load-client-" + c).start(() -> {
        try {
          runClient(engine.port(), client, deadline, rows, tallies, firstErrors, inserted);
        } finally {
          done.countDown();
        }
      }));
    }
    done.await();
    for (Thread thread : threads) {
      thread.join();
    }
    Map<String, Long> after = waitForIdle(http, engine, before.get("connections"));
    Map<Kind, long[]> latencies = new EnumMap<>(Kind.class);
    Map<Kind, Long> unexpected = new EnumMap<>(Kind.class);
    for (Map.Entry<Kind, Tally> entry : tallies.entrySet()) {
      long[] all = entry.getValue().latencies.stream().flatMapToLong(Arrays::stream)
          .toArray();
      Arrays.sort(all);
      latencies.put(entry.getKey(), all);
      unexpected.put(entry.getKey(), entry.getValue().unexpectedErrors.get());
    }
    return new Result(clients, seconds, latencies, unexpected, firstErrors,
        before.get("connections"), after.get("connections"), before.get("memoryAllocatedBytes"),
        after.get("memoryAllocatedBytes"), inserted.get());
  }

  private static void setUp(ExapgEngine engine, long rows) throws SQLException {
    engine.execute("CREATE TABLE load_groups (grp INT PRIMARY KEY, name VARCHAR(20))");
    engine.execute("INSERT INTO load_groups SELECT g, 'group ' || g FROM generate_series(0, "
        + (GROUPS - 1) + ") AS s(g)");
    engine.execute("CREATE TABLE load_facts (id BIGINT, grp INT, amount DECIMAL(12,2),"
        + " day DATE)");
    engine.execute("INSERT INTO load_facts SELECT i, CAST(i % " + GROUPS + " AS INT),"
        + " CAST((i % 997) / 10.0 AS DECIMAL(12,2)), DATE '2024-01-01' + CAST(i % 365 AS INT)"
        + " FROM generate_series(1, " + rows + ") AS s(i)");
    engine.execute("CREATE TABLE load_events (client INT, seq BIGINT, note VARCHAR(40))");
    engine.execute("ANALYZE");
  }

  private static void runClient(int port, int client, long deadline, long rows,
      Map<Kind, Tally> tallies, List<String> firstErrors, AtomicLong inserted) {
    SplittableRandom random = new SplittableRandom(client * 7919L + 1);
    long[][] local = new long[Kind.values().length][1024];
    int[] used = new int[Kind.values().length];
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
        + port + "/exapg", "exapg", "");
        PreparedStatement lookup = connection.prepareStatement(
            "SELECT name FROM load_groups WHERE grp = ?");
        PreparedStatement point = connection.prepareStatement(
            "SELECT amount, day FROM load_facts WHERE id = ?");
        PreparedStatement analytic = connection.prepareStatement(
            "SELECT g.name, sum(f.amount), count(*) FROM load_facts f JOIN load_groups g"
                + " ON f.grp = g.grp WHERE f.day >= ? GROUP BY g.name ORDER BY 2 DESC LIMIT 10");
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO load_events VALUES (?, ?, ?)");
        Statement plain = connection.createStatement()) {
      long seq = 0;
      while (System.nanoTime() < deadline) {
        Kind kind = pick(random);
        long start = System.nanoTime();
        try {
          switch (kind) {
            case LOOKUP -> {
              if (random.nextBoolean()) {
                lookup.setInt(1, random.nextInt(GROUPS));
                consume(lookup.executeQuery());
              } else {
                point.setLong(1, 1 + random.nextLong(rows));
                consume(point.executeQuery());
              }
            }
            case ANALYTIC -> {
              if (random.nextBoolean()) {
                analytic.setObject(1, LocalDate.of(2024, 1, 1).plusDays(random.nextInt(365)));
                consume(analytic.executeQuery());
              } else {
                consume(plain.executeQuery("SELECT grp, avg(amount), max(day) FROM load_facts"
                    + " GROUP BY grp ORDER BY grp"));
              }
            }
            case INSERT -> {
              for (int k = 0; k < 5; k++) {
                insert.setInt(1, client);
                insert.setLong(2, ++seq);
                insert.setString(3, "client " + client + " row " + seq);
                insert.addBatch();
              }
              insert.executeBatch();
              inserted.addAndGet(5);
            }
            case PROVOKED_ERROR -> provokeError(plain, random);
          }
        } catch (SQLException e) {
          tallies.get(kind).unexpectedErrors.incrementAndGet();
          if (firstErrors.size() < 20) {
            firstErrors.add(kind + ": " + e.getSQLState() + " " + e.getMessage());
          }
        }
        long elapsed = System.nanoTime() - start;
        int k = kind.ordinal();
        if (used[k] == local[k].length) {
          local[k] = Arrays.copyOf(local[k], local[k].length * 2);
        }
        local[k][used[k]++] = elapsed;
        tallies.get(kind).count.incrementAndGet();
      }
    } catch (SQLException e) {
      firstErrors.add("client " + client + " could not run: " + e.getMessage());
      tallies.get(Kind.LOOKUP).unexpectedErrors.incrementAndGet();
    }
    for (Kind kind : Kind.values()) {
      tallies.get(kind).latencies.add(Arrays.copyOf(local[kind.ordinal()],
          used[kind.ordinal()]));
    }
  }

  /** A statement that must fail with a known SQLSTATE; any other outcome is unexpected. */
  private static void provokeError(Statement statement, SplittableRandom random)
      throws SQLException {
    String[][] cases = {
        {"SELECT 1 / (grp - grp) FROM load_groups", "22012"},
        {"SELECT * FROM load_missing_table", "42P01"},
        {"SELEC 1", "42601"},
        {"INSERT INTO load_groups VALUES (1, 'duplicate')", "23505"}};
    String[] chosen = cases[random.nextInt(cases.length)];
    try {
      statement.execute(chosen[0]);
    } catch (SQLException e) {
      if (chosen[1].equals(e.getSQLState())) {
        return;
      }
      throw e;
    }
    throw new SQLException("expected SQLSTATE " + chosen[1] + " from " + chosen[0], "XXEXP");
  }

  private static Kind pick(SplittableRandom random) {
    int roll = random.nextInt(100);
    for (Kind kind : Kind.values()) {
      roll -= kind.weight;
      if (roll < 0) {
        return kind;
      }
    }
    return Kind.LOOKUP;
  }

  private static void consume(ResultSet rows) throws SQLException {
    try (rows) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int c = 1; c <= columns; c++) {
          rows.getObject(c);
        }
      }
    }
  }

  /** The node's /health numbers (connections, memoryAllocatedBytes). */
  static Map<String, Long> health(HttpClient http, ExapgEngine engine) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + engine.httpPort() + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    Map<String, Long> numbers = new java.util.HashMap<>();
    Matcher matcher = HEALTH_NUMBER.matcher(response.body());
    while (matcher.find()) {
      numbers.put(matcher.group(1), Long.parseLong(matcher.group(2)));
    }
    return numbers;
  }

  /** Sessions end a moment after their clients close; waits up to ten seconds for that. */
  private static Map<String, Long> waitForIdle(HttpClient http, ExapgEngine engine,
      long connections) throws Exception {
    Map<String, Long> now = health(http, engine);
    for (int i = 0; i < 100 && now.get("connections") > connections; i++) {
      Thread.sleep(100);
      now = health(http, engine);
    }
    return now;
  }

  static String report(Result result) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%d clients for %d s; %d rows inserted%n%n",
        result.clients(), result.seconds(), result.rowsInserted()));
    out.append("| kind | steps | per second | unexpected errors | p50 ms | p99 ms | max ms |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|\n");
    long total = 0;
    for (Kind kind : Kind.values()) {
      long[] sorted = result.latencies().get(kind);
      total += sorted.length;
      out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %d | %.1f | %.1f | %.1f |%n",
          kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), sorted.length,
          sorted.length / (double) result.seconds(), result.unexpectedErrors().get(kind),
          percentile(sorted, 0.50), percentile(sorted, 0.99),
          sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6));
    }
    out.append(String.format(Locale.ROOT, "%nAll steps: %d (%.1f per second). Unexpected errors:"
        + " %d. Sessions before %d, after %d. Query memory allocated before %d bytes, after %d"
        + " bytes.%n", total, total / (double) result.seconds(), result.unexpected(),
        result.connectionsBefore(), result.connectionsAfter(), result.memoryBefore(),
        result.memoryAfter()));
    for (String error : result.firstErrors()) {
      out.append("  ").append(error).append('\n');
    }
    return out.toString();
  }

  private static double percentile(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(fraction * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
