package io.exapg.wire;

/** The client's messages, in order, for a session that reads ahead (COPY data). */
interface MessageSource {
  /** The next message, waiting for it; null once the connection is closed. */
  FrontendMessage.Typed next();
}
