package io.exapg.wire;

import io.exapg.core.engine.ResultColumn;
import io.exapg.core.error.ExaException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encoders of backend messages. Every message is [type byte][int32 length including itself]
 * [body]; each method documents its body.
 */
final class Messages {
  private Messages() {
  }

  /** Starts a message; the caller writes the body and then calls {@link #finish}. */
  static ByteBuf begin(ByteBufAllocator allocator, char type, int bodyHint) {
    ByteBuf buffer = allocator.buffer(bodyHint + 5);
    buffer.writeByte(type);
    buffer.writeInt(0);
    return buffer;
  }

  static ByteBuf finish(ByteBuf buffer, int messageStart) {
    buffer.setInt(messageStart + 1, buffer.writerIndex() - messageStart - 1);
    return buffer;
  }

  static void writeCString(ByteBuf buffer, String value) {
    buffer.writeCharSequence(value, StandardCharsets.UTF_8);
    buffer.writeByte(0);
  }

  /** 'R' int32 0: authentication succeeded. */
  static ByteBuf authenticationOk(ByteBufAllocator allocator) {
    ByteBuf buffer = begin(allocator, 'R', 4);
    buffer.writeInt(0);
    return finish(buffer, 0);
  }

  /** 'R' int32 3: send the password in clear text. */
  static ByteBuf authenticationCleartextPassword(ByteBufAllocator allocator) {
    ByteBuf buffer = begin(allocator, 'R', 4);
    buffer.writeInt(3);
    return finish(buffer, 0);
  }

  /** 'R' int32 5 salt: send the password MD5-hashed with this salt. */
  static ByteBuf authenticationMd5Password(ByteBufAllocator allocator, byte[] salt) {
    ByteBuf buffer = begin(allocator, 'R', 8);
    buffer.writeInt(5);
    buffer.writeBytes(salt);
    return finish(buffer, 0);
  }

  /** 'R' int32 10 mechanism... "": authenticate with one of these SASL mechanisms. */
  static ByteBuf authenticationSasl(ByteBufAllocator allocator, String... mechanisms) {
    ByteBuf buffer = begin(allocator, 'R', 64);
    buffer.writeInt(10);
    for (String mechanism : mechanisms) {
      writeCString(buffer, mechanism);
    }
    buffer.writeByte(0);
    return finish(buffer, 0);
  }

  /** 'R' int32 11 data (SASL continue) or 12 data (SASL final). */
  static ByteBuf authenticationSaslData(ByteBufAllocator allocator, boolean last, String data) {
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    ByteBuf buffer = begin(allocator, 'R', 4 + bytes.length);
    buffer.writeInt(last ? 12 : 11);
    buffer.writeBytes(bytes);
    return finish(buffer, 0);
  }

  /** 'S' name value: a run-time parameter's current value. */
  static ByteBuf parameterStatus(ByteBufAllocator allocator, String name, String value) {
    ByteBuf buffer = begin(allocator, 'S', name.length() + value.length() + 2);
    writeCString(buffer, name);
    writeCString(buffer, value);
    return finish(buffer, 0);
  }

  /** 'K' int32 process id, int32 secret key: what a CancelRequest must present. */
  static ByteBuf backendKeyData(ByteBufAllocator allocator, int processId, int secretKey) {
    ByteBuf buffer = begin(allocator, 'K', 8);
    buffer.writeInt(processId);
    buffer.writeInt(secretKey);
    return finish(buffer, 0);
  }

  /** 'Z' byte status: I idle, T in a transaction block, E in a failed one. */
  static ByteBuf readyForQuery(ByteBufAllocator allocator, char status) {
    ByteBuf buffer = begin(allocator, 'Z', 1);
    buffer.writeByte(status);
    return finish(buffer, 0);
  }

  /**
   * 'T' int16 count, then per column: name, int32 table OID, int16 attribute number, int32
   * type OID, int16 type size, int32 type modifier, int16 format code.
   */
  static ByteBuf rowDescription(ByteBufAllocator allocator, List<ResultColumn> columns,
      short[] formats) {
    ByteBuf buffer = begin(allocator, 'T', 32 * columns.size() + 2);
    buffer.writeShort(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      ResultColumn column = columns.get(i);
      writeCString(buffer, column.name());
      buffer.writeInt(0);
      buffer.writeShort(0);
      buffer.writeInt(column.type().pgOid());
      buffer.writeShort(column.type().pgTypeSize());
      buffer.writeInt(column.type().pgTypmod());
      buffer.writeShort(formats == null ? 0 : formats[i]);
    }
    return finish(buffer, 0);
  }

  /** 't' int16 count, int32 type OID per parameter. */
  static ByteBuf parameterDescription(ByteBufAllocator allocator, int[] oids) {
    ByteBuf buffer = begin(allocator, 't', 2 + 4 * oids.length);
    buffer.writeShort(oids.length);
    for (int oid : oids) {
      buffer.writeInt(oid);
    }
    return finish(buffer, 0);
  }

  /** 'C' tag: a statement finished, e.g. "SELECT 3". */
  static ByteBuf commandComplete(ByteBufAllocator allocator, String tag) {
    ByteBuf buffer = begin(allocator, 'C', tag.length() + 1);
    writeCString(buffer, tag);
    return finish(buffer, 0);
  }

  /** A message with an empty body: '1' ParseComplete, '2' BindComplete, '3' CloseComplete,
   * 'n' NoData, 'I' EmptyQueryResponse, 's' PortalSuspended. */
  static ByteBuf empty(ByteBufAllocator allocator, char type) {
    return finish(begin(allocator, type, 0), 0);
  }

  /**
   * 'E' (or 'N' for a notice) fields of [code byte][string], then a zero byte: S severity, V
   * severity not localized, C SQLSTATE, M message, D detail, H hint, P position.
   */
  /** CopyInResponse ('G') or CopyOutResponse ('H'): text format for every column. */
  static ByteBuf copyResponse(ByteBufAllocator allocator, char type, int columns) {
    ByteBuf buffer = begin(allocator, type, 3 + 2 * columns);
    buffer.writeByte(0);
    buffer.writeShort(columns);
    for (int c = 0; c < columns; c++) {
      buffer.writeShort(0);
    }
    return finish(buffer, 0);
  }

  static ByteBuf copyData(ByteBufAllocator allocator, byte[] data) {
    ByteBuf buffer = begin(allocator, 'd', data.length);
    buffer.writeBytes(data);
    return finish(buffer, 0);
  }

  static ByteBuf errorResponse(ByteBufAllocator allocator, String severity, ExaException error) {
    ByteBuf buffer = begin(allocator, 'E', 128);
    writeField(buffer, 'S', severity);
    writeField(buffer, 'V', severity);
    writeField(buffer, 'C', error.state().code());
    writeField(buffer, 'M', error.getMessage() == null ? "" : error.getMessage());
    if (error.detail() != null) {
      writeField(buffer, 'D', error.detail());
    }
    if (error.hint() != null) {
      writeField(buffer, 'H', error.hint());
    }
    if (error.position() > 0) {
      writeField(buffer, 'P', Integer.toString(error.position()));
    }
    if (error.context() != null) {
      writeField(buffer, 'W', error.context());
    }
    buffer.writeByte(0);
    return finish(buffer, 0);
  }

  static ByteBuf notice(ByteBufAllocator allocator, String message) {
    ByteBuf buffer = begin(allocator, 'N', message.length() + 32);
    writeField(buffer, 'S', "NOTICE");
    writeField(buffer, 'V', "NOTICE");
    writeField(buffer, 'C', "00000");
    writeField(buffer, 'M', message);
    buffer.writeByte(0);
    return finish(buffer, 0);
  }

  private static void writeField(ByteBuf buffer, char code, String value) {
    buffer.writeByte(code);
    writeCString(buffer, value);
  }
}
