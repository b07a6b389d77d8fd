package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exapg.storage.io.DurableFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Kills a server process with SIGKILL at random moments while a client inserts (VALUES,
 * INSERT ... SELECT, bulk COPY), updates and deletes rows, compacts, checkpoints and
 * (re)partitions the table; restarts it each time; and checks that the table holds exactly what was acknowledged
 * (or that plus the one statement in flight at the kill): no acknowledged row missing, none
 * twice, no unacknowledged change. exapg.crash.kills sets the number of kills (default 20;
 * bin/exapg test -Dexapg.crash.kills=200 for the long run), exapg.crash.seed the workload.
 */
class CrashRecoveryTest {
  /** What the table must hold: for each id ever inserted, whether present and its gen. */
  private static final class Model {
    private boolean[] present = new boolean[1 << 16];
    private int[] gen = new int[1 << 16];
    private long nextId = 1;

    long count;
    long sumId;
    long sumGen;

    void insert(long first, long last) {
      ensure(last);
      for (long id = first; id <= last; id++) {
        present[(int) id] = true;
        gen[(int) id] = 0;
        count++;
        sumId += id;
      }
    }

    /** Deletes the present ids in [first, last] with id % 3 = residue (-1: every id). */
    void delete(long first, long last, int residue) {
      for (long id = first; id <= highestInserted(last); id++) {
        if (present[(int) id] && (residue < 0 || id % 3 == residue)) {
          present[(int) id] = false;
          count--;
          sumId -= id;
          sumGen -= gen[(int) id];
        }
      }
    }

    void update(long first, long last) {
      for (long id = first; id <= highestInserted(last); id++) {
        if (present[(int) id]) {
          gen[(int) id]++;
          sumGen++;
        }
      }
    }

    /**
     * The last id a range can touch: ids are handed out before their insert is acknowledged,
     * so nextId may run ahead of the arrays.
     */
    private long highestInserted(long last) {
      return Math.min(last, Math.min(nextId - 1, present.length - 1));
    }

    private void ensure(long id) {
      if (id >= present.length) {
        int size = (int) Math.max(id + 1, present.length * 2L);
        present = Arrays.copyOf(present, size);
        gen = Arrays.copyOf(gen, size);
      }
    }

    Model copy() {
      Model copy = new Model();
      copy.present = present.clone();
      copy.gen = gen.clone();
      copy.nextId = nextId;
      copy.count = count;
      copy.sumId = sumId;
      copy.sumGen = sumGen;
      return copy;
    }
  }

  /** One change, applied to the model once the server acknowledged it. */
  private interface Change {
    void apply(Model model);
  }

  /** The kinds of statement the workload runs, for the summary. */
  private enum Kind {
    VALUES, INSERT_SELECT, COPY, DELETE, UPDATE, VACUUM, CHECKPOINT, ALTER_PARTITIONING,
    TRUNCATE, DDL_BLOCK
  }

  /** Ids above which the table is emptied and ids start again, to bound the model. */
  private static final long ID_LIMIT = 3_000_000;

  /** The model, and the change in flight, if any; shared with the writing thread. */
  private static final class Ledger {
    Model model = new Model();
    Change inFlight;
    Kind inFlightKind;
    long acknowledged;
    /** What ended the writing thread other than the kill: a bug in the test or the driver. */
    Throwable writerFailure;
    final EnumMap<Kind, Integer> done = new EnumMap<>(Kind.class);
    final EnumMap<Kind, Integer> killedDuring = new EnumMap<>(Kind.class);
  }

  @Test
  void acknowledgedChangesSurviveKill9() throws Exception {
    int kills = Integer.getInteger("exapg.crash.kills", 20);
    Path directory = Files.createTempDirectory("exapg-crash-");
    Random random = new Random(Long.getLong("exapg.crash.seed", 20261122L));
    Ledger ledger = new Ledger();
    try {
      try (ServerProcess server = ServerProcess.start(directory);
          Connection connection = server.connect();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE ledger (id BIGINT NOT NULL, gen INTEGER NOT NULL,"
            + " note VARCHAR(20), amount DECIMAL(12,2))");
      }
      for (int round = 0; round < kills; round++) {
        try (ServerProcess server = ServerProcess.start(directory)) {
          verify(server, ledger, round);
          AtomicBoolean stop = new AtomicBoolean();
          long seed = random.nextLong();
          Thread writer = new Thread(() -> work(server, ledger, new Random(seed), stop));
          writer.start();
          Thread.sleep(200 + random.nextInt(1500));
          server.kill();
          stop.set(true);
          writer.join(60_000);
          synchronized (ledger) {
            if (ledger.writerFailure != null) {
              throw new AssertionError("the workload failed in round " + round,
                  ledger.writerFailure);
            }
          }
        }
      }
      try (ServerProcess server = ServerProcess.start(directory)) {
        verify(server, ledger, kills);
        int exit = server.terminate();
        assertTrue(exit == 143 || exit == 0, "exit code " + exit + ": " + server.output());
        assertTrue(server.output().contains("ExaPG shutting down"),
            "exit " + exit + ": " + server.output());
      }
      try (ServerProcess server = ServerProcess.start(directory)) {
        verify(server, ledger, kills + 1);
        assertTrue(ledger.acknowledged > kills, "too few changes were acknowledged: "
            + ledger.acknowledged);
        System.out.println("crash test: " + kills + " kills; statements acknowledged "
            + ledger.done + "; killed during " + ledger.killedDuring);
      }
      DurableFiles.deleteRecursively(directory);
    } catch (Throwable failure) {
      System.out.println("crash test failed; its data directory is kept in " + directory);
      throw failure;
    }
  }

  /** Runs random statements until the server dies, recording what was acknowledged. */
  private static void work(ServerProcess server, Ledger ledger, Random random,
      AtomicBoolean stop) {
    try (Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      while (!stop.get()) {
        long next;
        synchronized (ledger) {
          next = ledger.model.nextId;
        }
        int kind = random.nextInt(23);
        Change change;
        Runnable run;
        Kind what;
        if (next > ID_LIMIT) {
          what = Kind.TRUNCATE;
          change = model -> model.delete(1, Long.MAX_VALUE - 1, -1);
          run = sql(statement, "TRUNCATE ledger");
        } else if (kind < 6) {
          what = Kind.VALUES;
          int rows = 1 + random.nextInt(20);
          change = model -> model.insert(next, next + rows - 1);
          run = sql(statement, values(next, rows));
          advance(ledger, next + rows);
        } else if (kind < 9) {
          what = Kind.INSERT_SELECT;
          int rows = random.nextInt(15) == 0 ? 1_100_000 : 1 + random.nextInt(50_000);
          change = model -> model.insert(next, next + rows - 1);
          run = sql(statement, "INSERT INTO ledger SELECT x, 0, 'bulk', x % 1000 FROM"
              + " generate_series(" + next + ", " + (next + rows - 1) + ") AS g(x)");
          advance(ledger, next + rows);
        } else if (kind < 12) {
          what = Kind.COPY;
          int rows = random.nextInt(8) == 0 ? 1_200_000 : 1 + random.nextInt(300_000);
          change = model -> model.insert(next, next + rows - 1);
          run = () -> copy(connection, next, rows);
          advance(ledger, next + rows);
        } else if (kind < 15) {
          what = Kind.DELETE;
          long first = 1 + (long) (random.nextDouble() * next);
          long last = first + random.nextInt(200_000);
          int residue = random.nextInt(3);
          change = model -> model.delete(first, last, residue);
          run = sql(statement, "DELETE FROM ledger WHERE id BETWEEN " + first + " AND " + last
              + " AND id % 3 = " + residue);
        } else if (kind < 18) {
          what = Kind.UPDATE;
          long first = 1 + (long) (random.nextDouble() * next);
          long last = first + random.nextInt(200_000);
          change = model -> model.update(first, last);
          run = sql(statement, "UPDATE ledger SET gen = gen + 1, note = 'updated' WHERE id"
              + " BETWEEN " + first + " AND " + last);
        } else if (kind == 18) {
          what = Kind.VACUUM;
          change = model -> { };
          run = sql(statement, "VACUUM ledger");
        } else if (kind == 19) {
          what = Kind.CHECKPOINT;
          change = model -> { };
          run = sql(statement, "CHECKPOINT");
        } else if (kind > 20) {
          // A migration's shape: a staging table created, filled, copied and dropped in one
          // block; after any kill, the rows are there with the commit or not at all, and the
          // staging table never is.
          what = Kind.DDL_BLOCK;
          int rows = 1 + random.nextInt(random.nextBoolean() ? 100 : 200_000);
          change = model -> model.insert(next, next + rows - 1);
          run = sql(statement, "BEGIN; CREATE TABLE staging (id BIGINT NOT NULL, gen INTEGER"
              + " NOT NULL, note VARCHAR(20), amount DECIMAL(12,2)); INSERT INTO staging"
              + " SELECT x, 0, 'staged', x % 1000 FROM generate_series(" + next + ", "
              + (next + rows - 1) + ") AS g(x); INSERT INTO ledger SELECT * FROM staging;"
              + " DROP TABLE staging; COMMIT");
          advance(ledger, next + rows);
        } else {
          what = Kind.ALTER_PARTITIONING;
          change = model -> { };
          run = sql(statement, random.nextBoolean() ? "ALTER TABLE ledger DROP PARTITION KEYS"
              : "ALTER TABLE ledger PARTITION BY RANGE (id) EVERY " + (100_000
                  * (1 + random.nextInt(10))));
        }
        synchronized (ledger) {
          ledger.inFlight = change;
          ledger.inFlightKind = what;
        }
        run.run();
        synchronized (ledger) {
          change.apply(ledger.model);
          ledger.inFlight = null;
          ledger.inFlightKind = null;
          ledger.acknowledged++;
          ledger.done.merge(what, 1, Integer::sum);
          if (ledger.model.count == 0 && ledger.model.nextId > ID_LIMIT) {
            ledger.model = new Model();
          }
        }
      }
    } catch (SQLException | IllegalStateException expected) {
      // the server was killed under this statement
    } catch (RuntimeException | Error unexpected) {
      synchronized (ledger) {
        ledger.writerFailure = unexpected;
      }
    }
  }

  private static void advance(Ledger ledger, long nextId) {
    synchronized (ledger) {
      ledger.model.nextId = nextId;
    }
  }

  private static Runnable sql(Statement statement, String sql) {
    return () -> {
      try {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static void copy(Connection connection, long first, int rows) {
    Reader data = new Reader() {
      private long id = first;
      private String line = "";
      private int at;

      @Override
      public int read(char[] buffer, int offset, int length) {
        int n = 0;
        while (n < length) {
          if (at == line.length()) {
            if (id >= first + rows) {
              return n == 0 ? -1 : n;
            }
            line = id + ",0,\"copied, " + id + "\"," + (id % 1000) + ".25\n";
            at = 0;
            id++;
          }
          buffer[offset + n++] = line.charAt(at++);
        }
        return n;
      }

      @Override
      public void close() {
      }
    };
    try {
      long copied = connection.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY ledger FROM STDIN WITH (FORMAT csv)", data);
      assertEquals(rows, copied);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String values(long first, int rows) {
    StringBuilder sql = new StringBuilder("INSERT INTO ledger VALUES ");
    for (int k = 0; k < rows; k++) {
      long id = first + k;
      sql.append(k == 0 ? "" : ", ").append("(").append(id).append(", 0, 'row ").append(id)
          .append("', ").append(id % 1000).append(".5)");
    }
    return sql.toString();
  }

  /** The table holds exactly the acknowledged state, or that plus the change in flight. */
  private static void verify(ServerProcess server, Ledger ledger, int round)
      throws SQLException {
    try (Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("SET exapg.query_memory_limit = '850MB'");
      ResultSet rs = statement.executeQuery(
          "SELECT count(*), count(DISTINCT id), sum(id), sum(gen) FROM ledger");
      assertTrue(rs.next());
      long count = rs.getLong(1);
      long distinct = rs.getLong(2);
      long sumId = rs.getLong(3);
      long sumGen = rs.getLong(4);
      assertEquals(count, distinct, "duplicated rows after recovery in round " + round);
      ResultSet staging = statement.executeQuery(
          "SELECT count(*) FROM pg_class WHERE relname = 'staging'");
      assertTrue(staging.next());
      assertEquals(0, staging.getLong(1), "a rolled back block's table after recovery in round "
          + round);
      synchronized (ledger) {
        Model model = ledger.model;
        boolean exact = count == model.count && sumId == model.sumId && sumGen == model.sumGen;
        if (!exact && ledger.inFlight != null) {
          Model after = model.copy();
          ledger.inFlight.apply(after);
          if (count == after.count && sumId == after.sumId && sumGen == after.sumGen) {
            ledger.model = after;
            exact = true;
          }
        }
        assertTrue(exact, "round " + round + ": after recovery " + count + " rows (ids "
            + sumId + ", gens " + sumGen + "), acknowledged " + model.count + " (ids "
            + model.sumId + ", gens " + model.sumGen + ")");
        if (ledger.inFlightKind != null) {
          ledger.killedDuring.merge(ledger.inFlightKind, 1, Integer::sum);
        }
        ledger.inFlight = null;
        ledger.inFlightKind = null;
      }
    }
  }
}
