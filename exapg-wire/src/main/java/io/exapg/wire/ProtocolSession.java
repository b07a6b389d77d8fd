package io.exapg.wire;

import io.exapg.core.batch.Batch;
import io.exapg.core.engine.CopyOutSource;
import io.exapg.core.engine.EngineSession;
import io.exapg.core.engine.ParsedStatement;
import io.exapg.core.engine.PreparedQuery;
import io.exapg.core.engine.ResultColumn;
import io.exapg.core.engine.ResultStream;
import io.exapg.core.engine.StatementResult;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PgTypeOids;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol state of one connection after startup: prepared statements, portals and the
 * extended protocol's error mode. It translates messages into engine calls and results into
 * messages; everything about SQL lives in the {@link EngineSession}.
 */
final class ProtocolSession {
  private static final Logger LOG = LoggerFactory.getLogger(ProtocolSession.class);
  private static final int OUTPUT_CHUNK_BYTES = 64 * 1024;

  /** A statement prepared with Parse; empty when the query string had no statement. */
  private record Statement(PreparedQuery prepared, int[] declaredOids) {
    boolean isEmpty() {
      return prepared == null;
    }
  }

  /** A bound statement, and once executed, its result and how far it was read. */
  private static final class Portal {
    final Statement statement;
    final List<Object> parameters;
    final short[] resultFormats;
    StatementResult result;
    RowEncoder encoder;
    Batch batch;
    int position;
    long rowsSent;
    boolean complete;

    Portal(Statement statement, List<Object> parameters, short[] resultFormats) {
      this.statement = statement;
      this.parameters = parameters;
      this.resultFormats = resultFormats;
    }

    void close() {
      if (result instanceof StatementResult.Rows rows) {
        rows.stream().close();
      }
      batch = null;
    }
  }

  private final EngineSession session;
  private final Outbox out;
  private final MessageSource messages;
  private final Map<String, Statement> statements = new HashMap<>();
  private final Map<String, Portal> portals = new HashMap<>();
  private boolean skipUntilSync;

  ProtocolSession(EngineSession session, Outbox out, MessageSource messages) {
    this.session = session;
    this.out = out;
    this.messages = messages;
  }

  private ByteBufAllocator allocator() {
    return out.allocator();
  }

  /** Handles one message; returns false when the connection should end. */
  boolean handle(char type, ByteBuf body) {
    if (skipUntilSync && type != 'S' && type != 'X') {
      return true;
    }
    try {
      switch (type) {
        case 'Q' -> simpleQuery(PgFrameDecoder.readCString(body));
        case 'P' -> parse(body);
        case 'B' -> bind(body);
        case 'D' -> describe(body);
        case 'E' -> execute(body);
        case 'S' -> sync();
        case 'C' -> close(body);
        case 'H' -> out.flush();
        case 'X' -> {
          return false;
        }
        case 'F' -> throw ExaException.notSupported("the function call message");
        case 'd', 'c', 'f' -> {
          // Left over from a COPY that failed: the protocol says to drop them.
        }
        default -> throw new ExaException(SqlState.PROTOCOL_VIOLATION,
            "invalid frontend message type " + (int) type);
      }
    } catch (RuntimeException | AssertionError | StackOverflowError | OutOfMemoryError e) {
      // A bug (Calcite reports some as AssertionError) fails the statement, not the session.
      ExaException error = ExaException.wrap(e);
      if (error.state() == SqlState.PROTOCOL_VIOLATION) {
        out.write(Messages.errorResponse(allocator(), "FATAL", error));
        out.flush();
        return false;
      }
      if (error.state() == SqlState.INTERNAL_ERROR) {
        LOG.error("internal error in a statement", e);
      }
      sendNotices();
      out.write(Messages.errorResponse(allocator(), "ERROR", error));
      if (type == 'Q') {
        readyForQuery();
      } else {
        skipUntilSync = true;
      }
    }
    return true;
  }

  private void sendNotices() {
    for (String notice : session.takeNotices()) {
      out.write(Messages.notice(allocator(), notice));
    }
  }

  private void sendParameterChanges() {
    for (Map.Entry<String, String> change : session.takeReportedParameterChanges().entrySet()) {
      out.write(Messages.parameterStatus(allocator(), change.getKey(), change.getValue()));
    }
  }

  void readyForQuery() {
    sendParameterChanges();
    out.write(Messages.readyForQuery(allocator(), session.transactionState().indicator()));
    out.flush();
  }

  /**
   * After DISCARD ALL, the prepared statements and portals are gone, as in PostgreSQL (the one
   * running the DISCARD finishes first).
   */
  private void forgetPreparedAfter(StatementResult.Command command, Portal running) {
    if (!command.tag().equals("DISCARD ALL")) {
      return;
    }
    for (Portal portal : portals.values()) {
      if (portal != running) {
        portal.close();
      }
    }
    portals.clear();
    statements.clear();
  }

  // ---------------------------------------------------------------- simple query protocol

  private void simpleQuery(String sql) {
    List<ParsedStatement> parsed = session.parse(sql);
    if (parsed.isEmpty()) {
      out.write(Messages.empty(allocator(), 'I'));
    }
    for (ParsedStatement statement : parsed) {
      PreparedQuery prepared = session.prepare(statement, List.of());
      StatementResult result = session.execute(prepared, List.of());
      sendNotices();
      switch (result) {
        case StatementResult.Rows rows -> {
          try (ResultStream stream = rows.stream()) {
            out.write(Messages.rowDescription(allocator(), rows.columns(), null));
            Portal portal = new Portal(null, List.of(), null);
            portal.result = result;
            portal.encoder = new RowEncoder(types(rows.columns()), null);
            sendRows(portal, 0);
          }
        }
        case StatementResult.Command command -> {
          forgetPreparedAfter(command, null);
          out.write(Messages.commandComplete(allocator(), command.tag()));
        }
        case StatementResult.CopyIn copy -> copyIn(copy);
        case StatementResult.CopyOut copy -> copyOut(copy);
      }
      sendParameterChanges();
    }
    readyForQuery();
  }

  private static List<DataType> types(List<ResultColumn> columns) {
    return columns.stream().map(ResultColumn::type).toList();
  }

  // ---------------------------------------------------------------- extended query protocol

  private void parse(ByteBuf body) {
    String name = PgFrameDecoder.readCString(body);
    String sql = PgFrameDecoder.readCString(body);
    int count = body.readUnsignedShort();
    int[] oids = new int[count];
    List<DataType> declared = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      oids[i] = body.readInt();
      declared.add(PgTypeOids.toDataType(oids[i]));
    }
    if (!name.isEmpty() && statements.containsKey(name)) {
      throw new ExaException(SqlState.DUPLICATE_PREPARED_STATEMENT,
          "prepared statement \"" + name + "\" already exists");
    }
    List<ParsedStatement> parsed = session.parse(sql);
    if (parsed.size() > 1) {
      throw new ExaException(SqlState.SYNTAX_ERROR,
          "cannot insert multiple commands into a prepared statement");
    }
    PreparedQuery prepared = parsed.isEmpty() ? null : session.prepare(parsed.get(0), declared);
    statements.put(name, new Statement(prepared, oids));
    out.write(Messages.empty(allocator(), '1'));
  }

  private Statement statement(String name) {
    Statement statement = statements.get(name);
    if (statement == null) {
      throw new ExaException(SqlState.INVALID_SQL_STATEMENT_NAME,
          "prepared statement \"" + name + "\" does not exist");
    }
    return statement;
  }

  private void bind(ByteBuf body) {
    String portalName = PgFrameDecoder.readCString(body);
    String statementName = PgFrameDecoder.readCString(body);
    Statement statement = statement(statementName);
    short[] parameterFormats = readFormats(body);
    int count = body.readUnsignedShort();
    List<DataType> types = statement.isEmpty() ? List.of()
        : statement.prepared().parameterTypes();
    if (count != types.size()) {
      throw new ExaException(SqlState.PROTOCOL_VIOLATION, "bind message supplies " + count
          + " parameters, but prepared statement \"" + statementName + "\" requires "
          + types.size());
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int length = body.readInt();
      ByteBuf value = length < 0 ? null : body.readSlice(length);
      boolean binary = format(parameterFormats, i) == 1;
      values.add(ParameterDecoder.decode(value, binary, types.get(i)));
    }
    short[] resultFormats = readFormats(body);
    if (!portalName.isEmpty() && portals.containsKey(portalName)) {
      throw new ExaException(SqlState.DUPLICATE_CURSOR,
          "cursor \"" + portalName + "\" already exists");
    }
    Portal previous = portals.put(portalName, new Portal(statement, values, resultFormats));
    if (previous != null) {
      previous.close();
    }
    out.write(Messages.empty(allocator(), '2'));
  }

  private static short[] readFormats(ByteBuf body) {
    int count = body.readUnsignedShort();
    short[] formats = new short[count];
    for (int i = 0; i < count; i++) {
      formats[i] = body.readShort();
      if (formats[i] != 0 && formats[i] != 1) {
        throw new ExaException(SqlState.PROTOCOL_VIOLATION,
            "unsupported format code: " + formats[i]);
      }
    }
    return formats;
  }

  private static short format(short[] formats, int index) {
    if (formats == null || formats.length == 0) {
      return 0;
    }
    return formats.length == 1 ? formats[0] : formats[index];
  }

  private static short[] resultFormats(short[] requested, int columns) {
    short[] formats = new short[columns];
    for (int c = 0; c < columns; c++) {
      formats[c] = format(requested, c);
    }
    return formats;
  }

  private void describe(ByteBuf body) {
    char kind = (char) body.readByte();
    String name = PgFrameDecoder.readCString(body);
    if (kind == 'S') {
      Statement statement = statement(name);
      List<DataType> types = statement.isEmpty() ? List.of()
          : statement.prepared().parameterTypes();
      int[] oids = new int[types.size()];
      for (int i = 0; i < oids.length; i++) {
        oids[i] = i < statement.declaredOids().length && statement.declaredOids()[i] != 0
            ? statement.declaredOids()[i] : types.get(i).pgOid();
      }
      out.write(Messages.parameterDescription(allocator(), oids));
      describeResult(statement, null);
    } else if (kind == 'P') {
      Portal portal = portal(name);
      describeResult(portal.statement, portal.resultFormats);
    } else {
      throw new ExaException(SqlState.PROTOCOL_VIOLATION, "invalid DESCRIBE message subtype");
    }
  }

  private void describeResult(Statement statement, short[] formats) {
    List<ResultColumn> columns = statement.isEmpty() ? null
        : statement.prepared().resultColumns();
    if (columns == null) {
      out.write(Messages.empty(allocator(), 'n'));
    } else {
      out.write(Messages.rowDescription(allocator(), columns,
          formats == null ? null : resultFormats(formats, columns.size())));
    }
  }

  private Portal portal(String name) {
    Portal portal = portals.get(name);
    if (portal == null) {
      throw new ExaException(SqlState.INVALID_CURSOR_NAME,
          "portal \"" + name + "\" does not exist");
    }
    return portal;
  }

  private void execute(ByteBuf body) {
    String name = PgFrameDecoder.readCString(body);
    int maxRows = body.readInt();
    Portal portal = portal(name);
    if (portal.statement.isEmpty()) {
      out.write(Messages.empty(allocator(), 'I'));
      return;
    }
    if (portal.result == null) {
      portal.result = session.execute(portal.statement.prepared(), portal.parameters,
          maxRows > 0);
      sendNotices();
      sendParameterChanges();
      if (portal.result instanceof StatementResult.Rows rows) {
        portal.encoder = new RowEncoder(types(rows.columns()),
            resultFormats(portal.resultFormats, rows.columns().size()));
      }
    }
    switch (portal.result) {
      case StatementResult.Command command -> {
        forgetPreparedAfter(command, portal);
        out.write(Messages.commandComplete(allocator(), command.tag()));
      }
      case StatementResult.CopyIn copy -> {
        portal.result = new StatementResult.Command("COPY");
        copyIn(copy);
      }
      case StatementResult.CopyOut copy -> {
        portal.result = new StatementResult.Command("COPY");
        copyOut(copy);
      }
      case StatementResult.Rows rows -> sendRows(portal, maxRows);
    }
  }

  // ---------------------------------------------------------------- COPY

  /** Receives COPY data until CopyDone or CopyFail; any failure ends the COPY as a whole. */
  private void copyIn(StatementResult.CopyIn copy) {
    out.write(Messages.copyResponse(allocator(), 'G', copy.columnCount()));
    out.flush();
    boolean done = false;
    try {
      while (true) {
        FrontendMessage.Typed message = messages.next();
        if (message == null) {
          throw new ExaException(SqlState.CONNECTION_FAILURE,
              "client connection closed during COPY");
        }
        try {
          switch (message.type()) {
            case 'd' -> copy.sink().write(message.body().nioBuffer());
            case 'c' -> {
              long rows = copy.sink().finish();
              done = true;
              out.write(Messages.commandComplete(allocator(), "COPY " + rows));
              return;
            }
            case 'f' -> throw new ExaException(SqlState.QUERY_CANCELED,
                "COPY from stdin failed: " + PgFrameDecoder.readCString(message.body()));
            case 'H', 'S' -> {
              // Flush and Sync mean nothing during COPY data.
            }
            default -> throw new ExaException(SqlState.PROTOCOL_VIOLATION, "unexpected message"
                + " type 0x" + Integer.toHexString(message.type()) + " during COPY from stdin");
          }
        } finally {
          message.body().release();
        }
      }
    } finally {
      if (!done) {
        copy.sink().abort();
      }
    }
  }

  private void copyOut(StatementResult.CopyOut copy) {
    try (CopyOutSource source = copy.source()) {
      out.write(Messages.copyResponse(allocator(), 'H', copy.columnCount()));
      for (byte[] piece; (piece = source.next()) != null; ) {
        out.write(Messages.copyData(allocator(), piece));
        out.awaitWritable();
      }
      out.write(Messages.empty(allocator(), 'c'));
      out.write(Messages.commandComplete(allocator(), "COPY " + source.rowCount()));
    }
  }

  /** Sends up to maxRows rows (all when 0), then PortalSuspended or CommandComplete. */
  private void sendRows(Portal portal, int maxRows) {
    StatementResult.Rows rows = (StatementResult.Rows) portal.result;
    if (portal.complete) {
      out.write(Messages.commandComplete(allocator(), rows.tagPrefix() + " " + portal.rowsSent));
      return;
    }
    ByteBuf buffer = allocator().buffer(OUTPUT_CHUNK_BYTES + 1024);
    long sentNow = 0;
    try {
      while (maxRows <= 0 || sentNow < maxRows) {
        if (portal.batch == null || portal.position >= portal.batch.size()) {
          portal.batch = rows.stream().next();
          portal.position = 0;
          if (portal.batch == null) {
            break;
          }
          continue;
        }
        portal.encoder.writeRow(portal.batch, portal.position++, buffer);
        sentNow++;
        if (buffer.readableBytes() >= OUTPUT_CHUNK_BYTES) {
          rows.stream().sent(buffer.readableBytes());
          out.write(buffer);
          buffer = allocator().buffer(OUTPUT_CHUNK_BYTES + 1024);
          out.awaitWritable();
        }
      }
      rows.stream().sent(buffer.readableBytes());
      out.write(buffer);
      buffer = null;
    } finally {
      if (buffer != null) {
        buffer.release();
      }
    }
    portal.rowsSent += sentNow;
    boolean exhausted = portal.batch == null;
    if (!exhausted && portal.position >= portal.batch.size()) {
      portal.batch = rows.stream().next();
      portal.position = 0;
      exhausted = portal.batch == null;
    }
    if (exhausted) {
      portal.complete = true;
      rows.stream().close();
      out.write(Messages.commandComplete(allocator(), rows.tagPrefix() + " " + portal.rowsSent));
    } else {
      out.write(Messages.empty(allocator(), 's'));
    }
  }

  private void sync() {
    skipUntilSync = false;
    if (session.transactionState() == io.exapg.core.engine.TransactionState.IDLE) {
      closeNamedAndUnnamedPortals();
    }
    readyForQuery();
  }

  private void closeNamedAndUnnamedPortals() {
    for (Portal portal : portals.values()) {
      portal.close();
    }
    portals.clear();
  }

  private void close(ByteBuf body) {
    char kind = (char) body.readByte();
    String name = PgFrameDecoder.readCString(body);
    if (kind == 'S') {
      statements.remove(name);
    } else if (kind == 'P') {
      Portal portal = portals.remove(name);
      if (portal != null) {
        portal.close();
      }
    } else {
      throw new ExaException(SqlState.PROTOCOL_VIOLATION, "invalid CLOSE message subtype");
    }
    out.write(Messages.empty(allocator(), '3'));
  }

  /** Releases everything the connection held. */
  void closeAll() {
    closeNamedAndUnnamedPortals();
    statements.clear();
    session.close();
  }
}
