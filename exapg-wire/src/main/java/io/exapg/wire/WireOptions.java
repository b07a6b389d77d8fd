package io.exapg.wire;

/**
 * Where the PostgreSQL protocol listens and how many clients it admits.
 *
 * @param port 0 picks a free port
 */
public record WireOptions(String host, int port, int maxConnections) {
}
