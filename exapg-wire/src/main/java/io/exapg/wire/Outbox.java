package io.exapg.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** Where a session's messages go: the connection's channel, with backpressure. */
interface Outbox {
  ByteBufAllocator allocator();

  void write(ByteBuf message);

  void flush();

  /** Flushes and waits while the client is not reading fast enough. */
  void awaitWritable();
}
