package io.exapg.wire;

import io.exapg.core.engine.Authenticator;
import io.exapg.core.engine.QueryEngine;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;

/** Listens for PostgreSQL clients and gives each connection a {@link PgConnection}. */
public final class PgServer implements AutoCloseable {
  private final WireOptions options;
  private final QueryEngine engine;
  private final Authenticator authenticator;
  private final ConnectionRegistry registry = new ConnectionRegistry();
  private EventLoopGroup bossGroup;
  private EventLoopGroup workerGroup;
  private Channel serverChannel;

  public PgServer(WireOptions options, QueryEngine engine, Authenticator authenticator) {
    this.options = options;
    this.engine = engine;
    this.authenticator = authenticator;
  }

  /** Binds the listening socket; returns the port it listens on. */
  public int start() throws InterruptedException {
    bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    workerGroup = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(bossGroup, workerGroup)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 256)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast("frames", new PgFrameDecoder());
            channel.pipeline().addLast("connection",
                new PgConnection(engine, authenticator, registry, options.maxConnections(),
                    options.ssl()));
          }
        });
    serverChannel = bootstrap.bind(options.host(), options.port()).sync().channel();
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  public int connectionCount() {
    return registry.size();
  }

  @Override
  public void close() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    for (PgConnection connection : registry.all()) {
      connection.cancelRunningQuery();
    }
    if (workerGroup != null) {
      workerGroup.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS)
          .syncUninterruptibly();
    }
    if (bossGroup != null) {
      bossGroup.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS)
          .syncUninterruptibly();
    }
  }
}
