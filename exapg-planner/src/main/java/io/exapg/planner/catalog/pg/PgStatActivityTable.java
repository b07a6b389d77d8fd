package io.exapg.planner.catalog.pg;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** pg_stat_activity: the node's client sessions, what each is doing and since when. */
final class PgStatActivityTable extends SystemTable {
  private final Supplier<List<SessionActivity>> sessions;

  PgStatActivityTable(Supplier<List<SessionActivity>> sessions) {
    super(new Columns()
        .add("datid", DataType.INTEGER)
        .add("datname", DataType.TEXT)
        .add("pid", DataType.INTEGER)
        .add("leader_pid", DataType.INTEGER)
        .add("usesysid", DataType.INTEGER)
        .add("usename", DataType.TEXT)
        .add("application_name", DataType.TEXT)
        .add("client_addr", DataType.TEXT)
        .add("client_hostname", DataType.TEXT)
        .add("client_port", DataType.INTEGER)
        .add("backend_start", DataType.TIMESTAMP)
        .add("xact_start", DataType.TIMESTAMP)
        .add("query_start", DataType.TIMESTAMP)
        .add("state_change", DataType.TIMESTAMP)
        .add("wait_event_type", DataType.TEXT)
        .add("wait_event", DataType.TEXT)
        .add("state", DataType.TEXT)
        .add("backend_xid", DataType.TEXT)
        .add("backend_xmin", DataType.TEXT)
        .add("query_id", DataType.BIGINT)
        .add("query", DataType.TEXT)
        .add("backend_type", DataType.TEXT));
    this.sessions = sessions;
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (SessionActivity session : sessions.get()) {
      rows.add(Arrays.asList(PgOids.DATABASE, session.database(), session.pid(), null,
          (int) session.userOid(), session.user(), session.applicationName(),
          session.clientAddress(), null, null, session.backendStart(),
          session.transactionStart(), session.queryStart(), session.stateChange(),
          session.waitEventType(), session.waitEvent(), session.state(), null, null,
          session.queryId(), session.query(), "client backend"));
    }
    return rows;
  }
}
