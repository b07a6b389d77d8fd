package io.exapg.planner.catalog.pg;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SessionView;
import io.exapg.planner.catalog.SystemTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * pg_settings: the session's configuration parameters and their current values, and the
 * fixed limits ("preset options") clients read from it.
 */
final class PgSettingsTable extends SystemTable {
  /** name, value, description of PostgreSQL's preset options that hold for ExaPG too. */
  private static final List<String[]> PRESETS = List.of(
      new String[] {"max_index_keys", "32", "Shows the maximum number of index keys."},
      new String[] {"max_identifier_length", "63",
          "Shows the maximum identifier length."},
      new String[] {"max_function_args", "100",
          "Shows the maximum number of function arguments."});

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
        .add("enumvals", PgOids.TEXT_ARRAY)
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
    for (String[] preset : PRESETS) {
      rows.add(Arrays.asList(preset[0], preset[1], null, "Preset Options", preset[2], null,
          "internal", "integer", "default", preset[1], preset[1], null, preset[1], preset[1],
          null, null, false));
    }
    return rows;
  }
}
