package io.exapg.wire;

import io.netty.handler.ssl.SslContext;

/**
 * Where the PostgreSQL protocol listens, how many clients it admits, and its TLS setup.
 *
 * @param port 0 picks a free port
 * @param ssl the TLS context clients' SSLRequests are answered with, or null for no TLS
 */
public record WireOptions(String host, int port, int maxConnections, SslContext ssl) {
  public WireOptions(String host, int port, int maxConnections) {
    this(host, port, maxConnections, null);
  }
}
