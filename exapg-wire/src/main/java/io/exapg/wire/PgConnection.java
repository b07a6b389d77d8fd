package io.exapg.wire;

import io.exapg.core.engine.Authenticator;
import io.exapg.core.engine.EngineSession;
import io.exapg.core.engine.QueryEngine;
import io.exapg.core.engine.SessionInfo;
import io.exapg.core.engine.TransactionState;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection. Startup and authentication run on the Netty event loop; after that,
 * messages are queued to a virtual thread of the connection's own, which runs statements and
 * may block (on the engine, or on a slow client) without holding up the event loop.
 */
final class PgConnection extends ChannelInboundHandlerAdapter implements Outbox,
    MessageSource {
  private static final Logger LOG = LoggerFactory.getLogger(PgConnection.class);
  private static final FrontendMessage.Typed END = new FrontendMessage.Typed('X', null);
  private static final FrontendMessage.Typed IDLE_TIMEOUT = new FrontendMessage.Typed('X', null);
  /** Queued message bytes above which the client is not read until the session catches up. */
  private static final long PAUSE_READING_BYTES = 16L << 20;
  private static final long RESUME_READING_BYTES = 4L << 20;

  /** Where the connection stands in its startup. */
  private enum State {
    STARTUP,
    AUTHENTICATING,
    READY,
    CLOSED
  }

  private final QueryEngine engine;
  private final Authenticator authenticator;
  private final ConnectionRegistry registry;
  private final int maxConnections;
  private final LinkedBlockingQueue<FrontendMessage.Typed> inbox = new LinkedBlockingQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final Object writability = new Object();
  private Channel channel;
  private State state = State.STARTUP;
  private Map<String, String> startupParameters = Map.of();
  private int processId;
  private int secretKey;
  private volatile EngineSession session;

  PgConnection(QueryEngine engine, Authenticator authenticator, ConnectionRegistry registry,
      int maxConnections) {
    this.engine = engine;
    this.authenticator = authenticator;
    this.registry = registry;
    this.maxConnections = maxConnections;
  }

  int secretKey() {
    return secretKey;
  }

  void cancelRunningQuery() {
    EngineSession current = session;
    if (current != null) {
      current.cancel();
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    switch ((FrontendMessage) message) {
      case FrontendMessage.SslRequest ssl -> ctx.writeAndFlush(Unpooled.wrappedBuffer(
          new byte[] {'N'}));
      case FrontendMessage.GssEncryptionRequest gss -> ctx.writeAndFlush(Unpooled.wrappedBuffer(
          new byte[] {'N'}));
      case FrontendMessage.CancelRequest cancel -> {
        registry.cancel(cancel.processId(), cancel.secretKey());
        ctx.close();
      }
      case FrontendMessage.Startup startup -> startup(startup);
      case FrontendMessage.Typed typed -> {
        if (state == State.READY) {
          enqueue(typed);
        } else if (state == State.AUTHENTICATING && typed.type() == 'p') {
          try {
            password(typed.body());
          } finally {
            typed.body().release();
          }
        } else {
          typed.body().release();
          fatal(new ExaException(SqlState.PROTOCOL_VIOLATION,
              "unexpected message type '" + typed.type() + "' during startup"));
        }
      }
    }
  }

  /** Queues a message for the session; stops reading the client while too much is queued. */
  private void enqueue(FrontendMessage.Typed message) {
    if (queuedBytes.addAndGet(message.body().readableBytes()) > PAUSE_READING_BYTES) {
      channel.config().setAutoRead(false);
    }
    inbox.add(message);
  }

  @Override
  public FrontendMessage.Typed next() {
    return next(0);
  }

  /**
   * The next message, waiting at most timeoutMillis (0: for ever); IDLE_TIMEOUT when none
   * came in time, null at the end of the connection.
   */
  private FrontendMessage.Typed next(long timeoutMillis) {
    FrontendMessage.Typed message;
    try {
      message = timeoutMillis > 0 ? inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS)
          : inbox.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    if (message == null) {
      return IDLE_TIMEOUT;
    }
    if (message == END) {
      inbox.add(END);
      return null;
    }
    if (queuedBytes.addAndGet(-message.body().readableBytes()) < RESUME_READING_BYTES
        && !channel.config().isAutoRead()) {
      channel.config().setAutoRead(true);
    }
    return message;
  }

  private void startup(FrontendMessage.Startup startup) {
    startupParameters = startup.parameters();
    String user = startupParameters.get("user");
    if (user == null || user.isEmpty()) {
      fatal(new ExaException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "no PostgreSQL user name specified in startup packet"));
      return;
    }
    if (registry.size() >= maxConnections) {
      fatal(new ExaException(SqlState.TOO_MANY_CONNECTIONS,
          "sorry, too many clients already"));
      return;
    }
    InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
    boolean loopback = remote.getAddress().isLoopbackAddress();
    switch (authenticator.methodFor(user, database(), remote.getAddress().getHostAddress(),
        loopback)) {
      case TRUST -> completeStartup();
      case PASSWORD -> {
        state = State.AUTHENTICATING;
        channel.writeAndFlush(Messages.authenticationCleartextPassword(channel.alloc()));
      }
      case REJECT -> fatal(new ExaException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "no access for user \"" + user + "\" from host "
              + remote.getAddress().getHostAddress()));
    }
  }

  private String database() {
    String database = startupParameters.get("database");
    return database == null || database.isEmpty() ? startupParameters.get("user") : database;
  }

  private void password(ByteBuf body) {
    String user = startupParameters.get("user");
    String password = PgFrameDecoder.readCString(body);
    if (!authenticator.checkPassword(user, password)) {
      LOG.warn("password authentication failed for user \"{}\" from {}", user,
          channel.remoteAddress());
      fatal(new ExaException(SqlState.INVALID_PASSWORD,
          "password authentication failed for user \"" + user + "\""));
      return;
    }
    completeStartup();
  }

  private void completeStartup() {
    Map<String, String> options = new HashMap<>(startupParameters);
    options.remove("user");
    options.remove("database");
    InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
    processId = registry.register(this);
    secretKey = registry.newSecretKey();
    EngineSession opened;
    try {
      opened = engine.openSession(new SessionInfo(startupParameters.get("user"), database(),
          remote.getAddress().getHostAddress(), processId, options));
    } catch (RuntimeException e) {
      registry.remove(processId);
      fatal(ExaException.wrap(e));
      return;
    }
    session = opened;
    state = State.READY;
    ByteBufAllocator allocator = channel.alloc();
    channel.write(Messages.authenticationOk(allocator));
    ProtocolSession protocol = new ProtocolSession(opened, this, this);
    channel.write(Messages.backendKeyData(allocator, processId, secretKey));
    Thread.ofVirtual().name("exapg-session-" + processId).start(() -> run(protocol));
  }

  /** The session's own thread: one message at a time, in order. */
  private void run(ProtocolSession protocol) {
    try {
      protocol.readyForQuery();
      while (true) {
        FrontendMessage.Typed message = next(session.transactionState() == TransactionState.IDLE
            ? 0 : session.idleInTransactionTimeoutMillis());
        if (message == null) {
          break;
        }
        if (message == IDLE_TIMEOUT) {
          LOG.info("connection {} ended: idle in a transaction for too long", processId);
          fatal(new ExaException(SqlState.IDLE_IN_TRANSACTION_SESSION_TIMEOUT,
              "terminating connection due to idle-in-transaction timeout"));
          break;
        }
        boolean keepGoing;
        try {
          keepGoing = protocol.handle(message.type(), message.body());
        } finally {
          message.body().release();
        }
        if (!keepGoing) {
          break;
        }
      }
    } catch (RuntimeException e) {
      LOG.error("connection {} failed", processId, e);
    } finally {
      for (FrontendMessage.Typed left; (left = inbox.poll()) != null; ) {
        if (left.body() != null) {
          left.body().release();
        }
      }
      try {
        protocol.closeAll();
      } catch (RuntimeException e) {
        LOG.warn("closing session {} failed", processId, e);
      }
      registry.remove(processId);
      channel.close();
    }
  }

  private void fatal(ExaException error) {
    state = State.CLOSED;
    channel.writeAndFlush(Messages.errorResponse(channel.alloc(), "FATAL", error))
        .addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    State previous = state;
    state = State.CLOSED;
    synchronized (writability) {
      writability.notifyAll();
    }
    if (previous == State.READY) {
      cancelRunningQuery();
      inbox.add(END);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    synchronized (writability) {
      writability.notifyAll();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && !(root instanceof ExaException)) {
      root = root.getCause();
    }
    if (root instanceof ExaException error && state != State.CLOSED) {
      fatal(error);
      return;
    }
    if (!(root instanceof IOException)) {
      LOG.warn("connection error", cause);
    }
    ctx.close();
  }

  // ---------------------------------------------------------------- Outbox

  @Override
  public ByteBufAllocator allocator() {
    return channel.alloc();
  }

  @Override
  public void write(ByteBuf message) {
    channel.write(message);
  }

  @Override
  public void flush() {
    channel.flush();
  }

  @Override
  public void awaitWritable() {
    if (channel.isWritable()) {
      return;
    }
    channel.flush();
    synchronized (writability) {
      while (!channel.isWritable() && channel.isActive()) {
        try {
          writability.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ExaException(SqlState.QUERY_CANCELED, "interrupted while sending rows");
        }
      }
    }
    if (!channel.isActive()) {
      throw new ExaException(SqlState.CONNECTION_FAILURE, "client connection closed");
    }
  }
}
