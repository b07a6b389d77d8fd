package io.exapg.wire;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/** A message from the client, as framed by {@link PgFrameDecoder}. */
sealed interface FrontendMessage {
  /** The first message of a connection: protocol version 3.0 and the startup parameters. */
  record Startup(int protocolVersion, Map<String, String> parameters) implements FrontendMessage {
  }

  /** A request to switch to TLS. */
  record SslRequest() implements FrontendMessage {
  }

  /** A request for GSSAPI encryption. */
  record GssEncryptionRequest() implements FrontendMessage {
  }

  /** A request, on a connection of its own, to cancel another connection's running query. */
  record CancelRequest(int processId, int secretKey) implements FrontendMessage {
  }

  /** A regular message: its type byte and body; the receiver releases the body. */
  record Typed(char type, ByteBuf body) implements FrontendMessage {
  }
}
