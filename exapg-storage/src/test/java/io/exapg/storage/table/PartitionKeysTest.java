package io.exapg.storage.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.exapg.core.type.DataType;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.PartitionSpec;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.format.ZoneMap;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partition keys of single values, checked against java.time and plain arithmetic. */
class PartitionKeysTest {
  private static PartitionKeys keys(DataType type, PartitionSpec spec) {
    return new PartitionKeys(new TableDef(1, "public", "t",
        List.of(new ColumnDef(spec.column(), type, true)), spec, List.of()));
  }

  private static long keyOf(PartitionKeys keys, long value) {
    return keys.keyOf(ZoneMap.ofLongs(1, 0, value, value));
  }

  @Test
  void monthsAndYearsOfDatesFollowTheCalendarAcrossCenturiesAndBeforeTheEpoch() {
    PartitionKeys months = keys(DataType.DATE,
        PartitionSpec.timeRange("d", PartitionSpec.TimeUnit.MONTH, 1));
    PartitionKeys quarters = keys(DataType.DATE,
        PartitionSpec.timeRange("d", PartitionSpec.TimeUnit.MONTH, 3));
    PartitionKeys years = keys(DataType.DATE,
        PartitionSpec.timeRange("d", PartitionSpec.TimeUnit.YEAR, 1));
    for (long day = -800_000; day <= 800_000; day += 7) {
      LocalDate date = LocalDate.ofEpochDay(day);
      long month = date.getYear() * 12L + date.getMonthValue() - 1;
      assertEquals(month, keyOf(months, day), date.toString());
      assertEquals(Math.floorDiv(month, 3), keyOf(quarters, day), date.toString());
      assertEquals(date.getYear(), keyOf(years, day), date.toString());
    }
  }

  @Test
  void timestampsFallOnTheirDayAndValueRangesFloorNegativeValues() {
    PartitionKeys weeks = keys(DataType.TIMESTAMP,
        PartitionSpec.timeRange("t", PartitionSpec.TimeUnit.DAY, 7));
    long microsPerDay = 86_400_000_000L;
    assertEquals(0, keyOf(weeks, 0));
    assertEquals(0, keyOf(weeks, 7 * microsPerDay - 1));
    assertEquals(1, keyOf(weeks, 7 * microsPerDay));
    assertEquals(-1, keyOf(weeks, -1));

    PartitionKeys hundreds = keys(DataType.INTEGER, PartitionSpec.valueRange("n", 100));
    assertEquals(0, keyOf(hundreds, 99));
    assertEquals(-1, keyOf(hundreds, -1));
    assertEquals(-2, keyOf(hundreds, -101));
    assertNull(hundreds.keyOf(ZoneMap.ofLongs(2, 0, 50, 150)));
    assertEquals(PartitionKeys.NULL_KEY, hundreds.keyOf(ZoneMap.ofLongs(3, 3, 0, 0)));
    assertNull(hundreds.keyOf(ZoneMap.ofLongs(3, 1, 5, 6)));
  }
}
