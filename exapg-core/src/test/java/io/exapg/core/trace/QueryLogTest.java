package io.exapg.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.exapg.core.error.ExaException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryLogTest {
  private static QueryRecord record(long traceId, String query, long millis) {
    return new QueryRecord(traceId, 7, "exapg", query, 0, millis * 1_000_000L, 1,
        QueryRecord.OK, IoCounters.NONE, StatementUsage.NONE, TableActivity.NONE, null);
  }

  @Test
  void fingerprintsTakeOutConstantsCommentsAndSpacing() {
    assertEquals("select * from t where a = ? and b = ? and c in (?, ?)",
        Fingerprint.normalize("select *  from t\n where a = 42 and b = 'x''y' -- note\n"
            + " and c in (1.5e3, $1);"));
    assertEquals("select \"Odd 1\", t2.c1 from t2 where x = ?",
        Fingerprint.normalize("select \"Odd 1\", t2.c1 from t2 /* c */ where x = E'a\\'b'"));
    assertEquals(Fingerprint.id(Fingerprint.normalize("SELECT 1")),
        Fingerprint.id(Fingerprint.normalize("SELECT 2")));
    assertNotEquals(Fingerprint.id("select ?"), Fingerprint.id("select ?, ?"));
  }

  @Test
  void historyKeepsTheLatestAndStatisticsAddUp() {
    QueryLog log = new QueryLog(3);
    List<QueryRecord> told = new ArrayList<>();
    log.addListener(told::add);
    for (int i = 1; i <= 20; i++) {
      log.record(record(i, "select * from t where id = " + i, i));
    }
    log.record(record(21, "select 1", 5));
    assertEquals(List.of(19L, 20L, 21L),
        log.history().stream().map(QueryRecord::traceId).toList());
    assertEquals(21, told.size());
    StatementStatistics.Snapshot lookups = log.statements().stream()
        .filter(s -> s.query().equals("select * from t where id = ?")).findFirst().orElseThrow();
    assertEquals(20, lookups.calls());
    assertEquals(210.0, lookups.totalMillis(), 1e-9);
    assertEquals(10.5, lookups.meanMillis(), 1e-9);
    assertEquals(20.0, lookups.maxMillis(), 1e-9);
    assertEquals(19.0, lookups.p95Millis(), 1e-9);
    assertEquals(20, lookups.rows());
    log.resetStatements(0);
    assertEquals(List.of(), log.statements());
    assertEquals(3, log.history().size());
  }

  @Test
  void theHistoryHoldsAtLeastOneStatement() {
    assertThrows(ExaException.class, () -> new QueryLog(0));
  }
}
