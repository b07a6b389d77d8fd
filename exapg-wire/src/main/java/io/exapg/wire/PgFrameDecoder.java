package io.exapg.wire;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frames the PostgreSQL protocol: first an untyped startup packet (or an SSL, GSSAPI or cancel
 * request), then typed messages of [type byte][int32 length][body]. Lengths are checked
 * before anything is buffered: startup packets may not exceed 10,000 bytes, other messages
 * 1 GiB.
 */
final class PgFrameDecoder extends ByteToMessageDecoder {
  static final int SSL_REQUEST_CODE = 80877103;
  static final int GSS_REQUEST_CODE = 80877104;
  static final int CANCEL_REQUEST_CODE = 80877102;
  static final int PROTOCOL_3 = 196608;
  private static final int MAX_STARTUP_LENGTH = 10_000;
  private static final int MAX_MESSAGE_LENGTH = 1 << 30;

  private boolean startupDone;

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (!startupDone) {
      decodeStartup(in, out);
      return;
    }
    while (in.readableBytes() >= 5) {
      int start = in.readerIndex();
      char type = (char) in.getByte(start);
      int length = in.getInt(start + 1);
      if (length < 4 || length > MAX_MESSAGE_LENGTH) {
        throw new ExaException(SqlState.PROTOCOL_VIOLATION,
            "invalid message length " + length + " for message type '" + type + "'");
      }
      if (in.readableBytes() < 1 + length) {
        return;
      }
      in.skipBytes(5);
      out.add(new FrontendMessage.Typed(type, in.readRetainedSlice(length - 4)));
    }
  }

  private void decodeStartup(ByteBuf in, List<Object> out) {
    if (in.readableBytes() < 8) {
      return;
    }
    int start = in.readerIndex();
    int length = in.getInt(start);
    if (length < 8 || length > MAX_STARTUP_LENGTH) {
      throw new ExaException(SqlState.PROTOCOL_VIOLATION, "invalid startup packet length "
          + length);
    }
    if (in.readableBytes() < length) {
      return;
    }
    int code = in.getInt(start + 4);
    in.skipBytes(8);
    ByteBuf body = in.readSlice(length - 8);
    switch (code) {
      case SSL_REQUEST_CODE -> out.add(new FrontendMessage.SslRequest());
      case GSS_REQUEST_CODE -> out.add(new FrontendMessage.GssEncryptionRequest());
      case CANCEL_REQUEST_CODE -> {
        if (body.readableBytes() < 8) {
          throw new ExaException(SqlState.PROTOCOL_VIOLATION, "invalid cancel request");
        }
        out.add(new FrontendMessage.CancelRequest(body.readInt(), body.readInt()));
      }
      default -> {
        if (code >> 16 != 3) {
          throw new ExaException(SqlState.PROTOCOL_VIOLATION, "unsupported frontend protocol "
              + (code >> 16) + "." + (code & 0xFFFF) + ": server supports 3.0");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        while (body.isReadable()) {
          String name = readCString(body);
          if (name.isEmpty()) {
            break;
          }
          parameters.put(name, readCString(body));
        }
        startupDone = true;
        out.add(new FrontendMessage.Startup(code, parameters));
      }
    }
  }

  /** Reads a null-terminated UTF-8 string. */
  static String readCString(ByteBuf buffer) {
    int end = buffer.indexOf(buffer.readerIndex(), buffer.writerIndex(), (byte) 0);
    if (end < 0) {
      throw new ExaException(SqlState.PROTOCOL_VIOLATION, "unterminated string in message");
    }
    String value = buffer.toString(buffer.readerIndex(), end - buffer.readerIndex(),
        StandardCharsets.UTF_8);
    buffer.readerIndex(end + 1);
    return value;
  }
}
