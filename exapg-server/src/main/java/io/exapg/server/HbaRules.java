package io.exapg.server;

import io.exapg.core.engine.Authenticator.Method;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Client authentication rules in the manner of pg_hba.conf: the first rule whose connection
 * type, database, user and address match a connection says how it authenticates; a connection
 * no rule matches is refused.
 */
final class HbaRules {
  /** Which connections a rule covers: host (any), hostssl (TLS only), hostnossl. */
  enum ConnectionType {
    HOST,
    HOSTSSL,
    HOSTNOSSL
  }

  /**
   * One rule.
   *
   * @param databases database names, or "all" / "sameuser"
   * @param users role names, "all", or "+group" for the members of a group
   * @param network the network address, or null for all addresses
   */
  record Rule(int line, ConnectionType type, Set<String> databases, Set<String> users,
      InetAddress network, int prefixLength, Method method) {
    boolean matches(String user, String database, InetAddress client, boolean ssl,
        BiPredicate<String, String> memberOf) {
      if (type == ConnectionType.HOSTSSL && !ssl || type == ConnectionType.HOSTNOSSL && ssl) {
        return false;
      }
      boolean databaseMatches = databases.contains("all") || databases.contains(database)
          || databases.contains("sameuser") && database.equals(user);
      if (!databaseMatches) {
        return false;
      }
      boolean userMatches = users.contains("all") || users.contains(user)
          || users.stream().anyMatch(u -> u.startsWith("+") && memberOf.test(user,
              u.substring(1)));
      return userMatches && (network == null || inNetwork(client));
    }

    private boolean inNetwork(InetAddress client) {
      byte[] address = client.getAddress();
      byte[] net = network.getAddress();
      if (address.length != net.length) {
        return false;
      }
      int bits = address.length * 8;
      BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
          .shiftRight(prefixLength).not();
      return new BigInteger(1, address).and(mask).equals(new BigInteger(1, net).and(mask));
    }
  }

  private final List<Rule> rules;

  HbaRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  List<Rule> rules() {
    return rules;
  }

  /** The first matching rule's method, or REJECT when none matches. */
  Method methodFor(String user, String database, InetAddress client, boolean ssl,
      BiPredicate<String, String> memberOf) {
    for (Rule rule : rules) {
      if (rule.matches(user, database, client, ssl, memberOf)) {
        return rule.method();
      }
    }
    return Method.REJECT;
  }

  /**
   * The rules a node has without a rules file: loopback clients trusted when loopbackTrust is
   * set, everyone else by SCRAM-SHA-256; only over TLS when sslRequired is set.
   */
  static HbaRules defaults(boolean loopbackTrust, boolean sslRequired) {
    ConnectionType type = sslRequired ? ConnectionType.HOSTSSL : ConnectionType.HOST;
    List<Rule> rules = new ArrayList<>();
    if (loopbackTrust) {
      rules.add(new Rule(0, type, Set.of("all"), Set.of("all"), address("127.0.0.1"), 8,
          Method.TRUST));
      rules.add(new Rule(0, type, Set.of("all"), Set.of("all"), address("::1"), 128,
          Method.TRUST));
    }
    rules.add(new Rule(0, type, Set.of("all"), Set.of("all"), null, 0, Method.SCRAM_SHA_256));
    return new HbaRules(rules);
  }

  /** Reads a rules file; with sslRequired, every rule covers TLS connections only. */
  static HbaRules read(Path file, boolean sslRequired) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new ExaException(SqlState.IO_ERROR, "cannot read the authentication rules file "
          + file + ": " + e.getMessage(), e);
    }
    List<Rule> rules = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      int comment = line.indexOf('#');
      String content = (comment >= 0 ? line.substring(0, comment) : line).trim();
      if (content.isEmpty()) {
        continue;
      }
      try {
        Rule rule = parse(n + 1, content.split("\\s+"));
        if (sslRequired && rule.type() != ConnectionType.HOSTSSL) {
          rule = new Rule(rule.line(), ConnectionType.HOSTSSL, rule.databases(), rule.users(),
              rule.network(), rule.prefixLength(), rule.method());
        }
        rules.add(rule);
      } catch (IllegalArgumentException e) {
        throw new ExaException(SqlState.INVALID_PARAMETER_VALUE, "invalid authentication rule"
            + " in " + file + " line " + (n + 1) + ": " + e.getMessage());
      }
    }
    return new HbaRules(rules);
  }

  private static Rule parse(int line, String[] fields) {
    if (fields.length < 5) {
      throw new IllegalArgumentException("expected TYPE DATABASE USER ADDRESS METHOD");
    }
    ConnectionType type = switch (fields[0].toLowerCase(Locale.ROOT)) {
      case "host" -> ConnectionType.HOST;
      case "hostssl" -> ConnectionType.HOSTSSL;
      case "hostnossl" -> ConnectionType.HOSTNOSSL;
      case "local" -> throw new IllegalArgumentException(
          "local (Unix socket) rules do not apply: ExaPG listens on TCP only");
      default -> throw new IllegalArgumentException("unknown connection type " + fields[0]);
    };
    Set<String> databases = Set.of(fields[1].split(","));
    Set<String> users = Set.of(fields[2].split(","));
    InetAddress network = null;
    int prefixLength = 0;
    int methodField = 4;
    String address = fields[3];
    if (!address.equals("all")) {
      int slash = address.indexOf('/');
      network = address(slash < 0 ? address : address.substring(0, slash));
      int bits = network.getAddress().length * 8;
      if (slash >= 0) {
        prefixLength = Integer.parseInt(address.substring(slash + 1));
      } else if (fields.length > 5 && fields[4].matches("[0-9.:a-fA-F]+")) {
        prefixLength = new BigInteger(1, address(fields[4]).getAddress()).bitCount();
        methodField = 5;
      } else {
        prefixLength = bits;
      }
      if (prefixLength < 0 || prefixLength > bits) {
        throw new IllegalArgumentException("invalid prefix length in " + address);
      }
    }
    Method method = switch (fields[methodField].toLowerCase(Locale.ROOT)) {
      case "trust" -> Method.TRUST;
      case "reject" -> Method.REJECT;
      case "password" -> Method.PASSWORD;
      case "md5" -> Method.MD5;
      case "scram-sha-256" -> Method.SCRAM_SHA_256;
      default -> throw new IllegalArgumentException("unsupported authentication method "
          + fields[methodField] + " (ExaPG offers trust, reject, password, md5 and"
          + " scram-sha-256)");
    };
    return new Rule(line, type, databases, users, network, prefixLength, method);
  }

  /** A numeric IPv4 or IPv6 address (host names are not looked up). */
  private static InetAddress address(String text) {
    if (!text.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
      throw new IllegalArgumentException("invalid IP address " + text);
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("invalid IP address " + text);
    }
  }
}
