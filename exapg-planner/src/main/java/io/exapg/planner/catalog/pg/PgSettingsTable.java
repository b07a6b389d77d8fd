package io.exapg.planner.catalog.pg;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SessionView;
import io.exapg.planner.catalog.SystemTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** pg_settings: the session's configuration parameters and their current values. */
final class PgSettingsTable extends SystemTable {
  PgSettingsTable() {
    super(new Columns()
        .add("name", DataType.TEXT)
        .add("setting", DataType.TEXT)
        .add("unit", DataType.TEXT)
        .add("category", DataType.TEXT)
        .add("short_desc", DataType.TEXT)
        .add("extra_desc", DataType.TEXT)
        .add("context", DataType.TEXT)
        .add("vartype", DataType.TEXT)
        .add("source", DataType.TEXT)
        .add("min_val", DataType.TEXT)
        .add("max_val", DataType.TEXT)
        .add("enumvals", DataType.TEXT)
        .add("boot_val", DataType.TEXT)
        .add("reset_val", DataType.TEXT)
        .add("sourcefile", DataType.TEXT)
        .add("sourceline", DataType.INTEGER)
        .add("pending_restart", DataType.BOOLEAN));
  }

  @Override
  public List<List<Object>> rows() {
    return List.of();
  }

  @Override
  public List<List<Object>> rows(SessionView session) {
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<String, String[]> setting : session.settings().entrySet()) {
      rows.add(Arrays.asList(setting.getKey(),
          setting.getValue()[0], null, "", setting.getValue()[1], null, "user", "string",
          "session", null, null, null, null, null, null, null, false));
    }
    return rows;
  }
}
