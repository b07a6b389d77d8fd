package io.exapg.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import picocli.CommandLine;

/** Where the client commands (exapg trace ...) find a running node, as psql would. */
final class ClientOptions {
  @CommandLine.Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Host of the node (default: ${DEFAULT-VALUE}).")
  String host;

  @CommandLine.Option(names = "--port", description = "Its PostgreSQL protocol port (default:"
      + " ${DEFAULT-VALUE}).")
  int port;

  @CommandLine.Option(names = "--user", defaultValue = ServerConfig.USER,
      description = "User to connect as (default: ${DEFAULT-VALUE}).")
  String user;

  @CommandLine.Option(names = "--password", description = "Password, if the node asks for"
      + " one (also EXAPG_PASSWORD).")
  String password;

  Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (password != null && !password.isEmpty()) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/"
        + ServerConfig.DATABASE, properties);
  }
}
