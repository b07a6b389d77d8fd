package io.exapg.wire;

import io.exapg.core.auth.ChannelBinding;
import io.exapg.core.auth.Md5Password;
import io.exapg.core.auth.Passwords;
import io.exapg.core.auth.ScramExchange;
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
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
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
  private static final SecureRandom SALTS = new SecureRandom();
  private static final FrontendMessage.Typed END = new FrontendMessage.Typed('X', null);
  private static final FrontendMessage.Typed IDLE_TIMEOUT = new FrontendMessage.Typed('X', null);
  /** Queued message bytes above which the client is not read until the session catches up. */
  private static final long PAUSE_READING_BYTES = 16L << 20;
  private static final long RESUME_READING_BYTES = 4L << 20;

  /** Where the connection stands in its startup. */
  private enum State {
    STARTUP,
    AWAITING_PASSWORD,
    AWAITING_MD5,
    AWAITING_SASL_INITIAL,
    AWAITING_SASL_FINAL,
    READY,
    CLOSED
  }

  private final QueryEngine engine;
  private final Authenticator authenticator;
  private final ConnectionRegistry registry;
  private final int maxConnections;
  private final SslContext sslContext;
  private boolean ssl;
  private SslHandler tls;
  private byte[] md5Salt;
  private ScramExchange scram;
  private final LinkedBlockingQueue<FrontendMessage.Typed> inbox = new LinkedBlockingQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final Object writability = new Object();
  private Channel channel;
  private volatile State state = State.STARTUP;
  private Map<String, String> startupParameters = Map.of();
  private int processId;
  private int secretKey;
  private volatile EngineSession session;

  PgConnection(QueryEngine engine, Authenticator authenticator, ConnectionRegistry registry,
      int maxConnections, SslContext sslContext) {
    this.engine = engine;
    this.authenticator = authenticator;
    this.registry = registry;
    this.maxConnections = maxConnections;
    this.sslContext = sslContext;
  }

  /** The user the connection logged in as, or null before it has. */
  String user() {
    return state == State.READY ? startupParameters.get("user") : null;
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
      case FrontendMessage.SslRequest request -> startTls(ctx);
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
        } else if (state != State.STARTUP && state != State.CLOSED && typed.type() == 'p') {
          try {
            authenticationResponse(typed.body());
          } catch (ExaException e) {
            fatal(e);
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

  /**
   * Answers an SSLRequest: 'S' and a TLS handshake when a certificate is configured, else 'N'.
   * The 'S' goes out in clear before the TLS handler joins the pipeline.
   */
  private void startTls(ChannelHandlerContext ctx) {
    if (sslContext == null || ssl) {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'N'}));
      return;
    }
    ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'S'}));
    tls = sslContext.newHandler(ctx.alloc());
    ctx.pipeline().addFirst("tls", tls);
    ssl = true;
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
    switch (authenticator.methodFor(user, database(), remote.getAddress(), ssl)) {
      case TRUST -> authenticated();
      case PASSWORD -> {
        state = State.AWAITING_PASSWORD;
        channel.writeAndFlush(Messages.authenticationCleartextPassword(channel.alloc()));
      }
      case MD5 -> {
        if (Md5Password.isMd5(authenticator.passwordVerifier(user))) {
          md5Salt = new byte[4];
          SALTS.nextBytes(md5Salt);
          state = State.AWAITING_MD5;
          channel.writeAndFlush(Messages.authenticationMd5Password(channel.alloc(), md5Salt));
        } else {
          // As PostgreSQL does: a password stored as a SCRAM verifier is checked with SCRAM.
          startScram(user);
        }
      }
      case SCRAM_SHA_256 -> startScram(user);
      case REJECT -> fatal(new ExaException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "no pg_hba.conf entry for host \"" + remote.getAddress().getHostAddress()
              + "\", user \"" + user + "\", database \"" + database() + "\", "
              + (ssl ? "SSL encryption" : "no encryption")));
    }
  }

  private void startScram(String user) {
    scram = new ScramExchange(user, authenticator.passwordVerifier(user), channelBinding());
    state = State.AWAITING_SASL_INITIAL;
    channel.writeAndFlush(Messages.authenticationSasl(channel.alloc(), scram.mechanisms()));
  }

  /** Over TLS, the hash of the server certificate SCRAM-SHA-256-PLUS binds to; else null. */
  private byte[] channelBinding() {
    if (tls == null) {
      return null;
    }
    try {
      Certificate[] certificates = tls.engine().getSession().getLocalCertificates();
      return certificates != null && certificates.length > 0
          && certificates[0] instanceof X509Certificate certificate
          ? ChannelBinding.tlsServerEndPoint(certificate) : null;
    } catch (RuntimeException e) {
      LOG.warn("no channel binding for {}: {}", channel.remoteAddress(), e.getMessage());
      return null;
    }
  }

  private String database() {
    String database = startupParameters.get("database");
    return database == null || database.isEmpty() ? startupParameters.get("user") : database;
  }

  /** A password message: clear text, MD5 answer, or a SASL message, as the state expects. */
  private void authenticationResponse(ByteBuf body) {
    String user = startupParameters.get("user");
    switch (state) {
      case AWAITING_PASSWORD -> {
        String password = PgFrameDecoder.readCString(body);
        if (!Passwords.matches(authenticator.passwordVerifier(user), user, password)) {
          passwordFailed(user, "password");
          return;
        }
        authenticated();
      }
      case AWAITING_MD5 -> {
        String response = PgFrameDecoder.readCString(body);
        String verifier = authenticator.passwordVerifier(user);
        if (!Md5Password.isMd5(verifier)
            || !Md5Password.checkResponse(verifier, md5Salt, response)) {
          passwordFailed(user, "md5");
          return;
        }
        authenticated();
      }
      case AWAITING_SASL_INITIAL -> {
        String mechanism = PgFrameDecoder.readCString(body);
        int length = body.readInt();
        String clientFirst = length < 0 ? "" : body.readCharSequence(length,
            StandardCharsets.UTF_8).toString();
        String serverFirst = scram.serverFirst(mechanism, clientFirst);
        state = State.AWAITING_SASL_FINAL;
        channel.writeAndFlush(Messages.authenticationSaslData(channel.alloc(), false,
            serverFirst));
      }
      case AWAITING_SASL_FINAL -> {
        String clientFinal = body.readCharSequence(body.readableBytes(),
            StandardCharsets.UTF_8).toString();
        String serverFinal = scram.serverFinal(clientFinal);
        if (serverFinal == null) {
          passwordFailed(user, "scram-sha-256");
          return;
        }
        channel.write(Messages.authenticationSaslData(channel.alloc(), true, serverFinal));
        authenticated();
      }
      default -> throw new ExaException(SqlState.PROTOCOL_VIOLATION,
          "unexpected password message");
    }
  }

  /** Logs a failed login (never the password) and ends the connection with 28P01. */
  private void passwordFailed(String user, String method) {
    LOG.warn("{} authentication failed for user \"{}\" from {}", method, user,
        channel.remoteAddress());
    fatal(new ExaException(SqlState.INVALID_PASSWORD,
        "password authentication failed for user \"" + user + "\""));
  }

  /** Who the client is has been established; the role must still be allowed to log in. */
  private void authenticated() {
    String user = startupParameters.get("user");
    ExaException refusal = authenticator.loginRefusal(user, registry.countUser(user));
    if (refusal != null) {
      LOG.warn("login refused for user \"{}\" from {}: {}", user, channel.remoteAddress(),
          refusal.getMessage());
      fatal(refusal);
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
