package io.exapg.planner.engine;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The options of CREATE ROLE and ALTER ROLE, read from the words the parser kept. A null
 * attribute was not given.
 *
 * @param passwordGiven whether PASSWORD appeared (password is then the text, or null for
 *     PASSWORD NULL)
 * @param validUntilGiven whether VALID UNTIL appeared (validUntil null means 'infinity')
 * @param inRoles IN ROLE: roles the role becomes a member of
 * @param members ROLE / USER: roles that become members of the role
 * @param renameTo RENAME TO's new name, or null
 */
record RoleOptions(Boolean superuser, Boolean inherit, Boolean createRole, Boolean createDb,
    Boolean login, Integer connectionLimit, boolean passwordGiven, String password,
    boolean validUntilGiven, Instant validUntil, List<String> inRoles, List<String> members,
    String renameTo) {

  /** Reads the option words of a role statement. */
  static RoleOptions parse(SqlNodeList words) {
    Reader reader = new Reader(words);
    while (reader.hasNext()) {
      reader.option();
    }
    return reader.result();
  }

  private static final class Reader {
    private final List<SqlNode> words;
    private int next;
    private Boolean superuser;
    private Boolean inherit;
    private Boolean createRole;
    private Boolean createDb;
    private Boolean login;
    private Integer connectionLimit;
    private boolean passwordGiven;
    private String password;
    private boolean validUntilGiven;
    private Instant validUntil;
    private final List<String> inRoles = new ArrayList<>();
    private final List<String> members = new ArrayList<>();
    private String renameTo;

    Reader(SqlNodeList words) {
      this.words = words.getList();
    }

    boolean hasNext() {
      return next < words.size();
    }

    RoleOptions result() {
      return new RoleOptions(superuser, inherit, createRole, createDb, login, connectionLimit,
          passwordGiven, password, validUntilGiven, validUntil, inRoles, members, renameTo);
    }

    void option() {
      String word = word();
      switch (word) {
        case "SUPERUSER", "NOSUPERUSER" -> superuser = flag(superuser, word);
        case "INHERIT", "NOINHERIT" -> inherit = flag(inherit, word);
        case "CREATEROLE", "NOCREATEROLE" -> createRole = flag(createRole, word);
        case "CREATEDB", "NOCREATEDB" -> createDb = flag(createDb, word);
        case "LOGIN", "NOLOGIN" -> login = flag(login, word);
        case "NOREPLICATION", "NOBYPASSRLS" -> {
        }
        case "REPLICATION", "BYPASSRLS" -> throw ExaException.notSupported(
            "the " + word + " attribute (ExaPG has no replication protocol or row security)");
        case "CONNECTION" -> {
          expect("LIMIT");
          requireOnce(connectionLimit);
          connectionLimit = integer();
          if (connectionLimit < -1) {
            throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
                "invalid connection limit: " + connectionLimit);
          }
        }
        case "ENCRYPTED", "PASSWORD" -> {
          if (word.equals("ENCRYPTED")) {
            expect("PASSWORD");
          }
          if (passwordGiven) {
            throw redundant();
          }
          passwordGiven = true;
          password = stringOrNull();
        }
        case "UNENCRYPTED" -> throw ExaException.notSupported(
            "UNENCRYPTED PASSWORD (passwords are always stored as verifiers)");
        case "VALID" -> {
          expect("UNTIL");
          if (validUntilGiven) {
            throw redundant();
          }
          validUntilGiven = true;
          validUntil = timestamp(stringOrNull());
        }
        case "IN" -> {
          String what = word();
          if (!what.equals("ROLE") && !what.equals("GROUP")) {
            throw syntax(what);
          }
          names(inRoles);
        }
        case "ROLE", "USER" -> names(members);
        case "ADMIN" -> throw ExaException.notSupported("ADMIN (admin options on roles)");
        case "RENAME" -> {
          expect("TO");
          renameTo = name();
        }
        default -> throw syntax(word);
      }
    }

    private Boolean flag(Boolean previous, String word) {
      requireOnce(previous);
      return !word.startsWith("NO");
    }

    private static void requireOnce(Object previous) {
      if (previous != null) {
        throw redundant();
      }
    }

    private String word() {
      SqlNode node = words.get(next++);
      if (node instanceof SqlIdentifier id && id.isSimple()) {
        return id.getSimple().toUpperCase(Locale.ROOT);
      }
      throw syntax(node.toString());
    }

    private String name() {
      if (!hasNext() || !(words.get(next) instanceof SqlIdentifier id)) {
        throw syntax(hasNext() ? words.get(next).toString() : "end of input");
      }
      next++;
      return id.getSimple();
    }

    private void names(List<String> into) {
      into.add(name());
      while (hasNext() && words.get(next) instanceof SqlIdentifier id
          && id.getSimple().equals(",")) {
        next++;
        into.add(name());
      }
    }

    private void expect(String expected) {
      if (!hasNext() || !word().equals(expected)) {
        throw syntax(next - 1 < words.size() ? words.get(Math.max(next - 1, 0)).toString()
            : "end of input");
      }
    }

    private int integer() {
      if (hasNext() && words.get(next) instanceof SqlLiteral literal
          && SqlTypeName.NUMERIC_TYPES.contains(literal.getTypeName())) {
        next++;
        return literal.intValue(true);
      }
      throw syntax(hasNext() ? words.get(next).toString() : "end of input");
    }

    private String stringOrNull() {
      if (hasNext() && words.get(next) instanceof SqlLiteral literal) {
        if (literal.getTypeName() == SqlTypeName.NULL) {
          next++;
          return null;
        }
        if (literal.getTypeName() == SqlTypeName.CHAR) {
          next++;
          return literal.getValueAs(String.class);
        }
      }
      throw syntax(hasNext() ? words.get(next).toString() : "end of input");
    }

    private static Instant timestamp(String text) {
      if (text == null || text.equalsIgnoreCase("infinity")) {
        return null;
      }
      String trimmed = text.trim().replace(' ', 'T');
      if (trimmed.matches(".*T.*[+-]\\d\\d")) {
        trimmed += ":00";
      }
      try {
        return OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .toInstant();
      } catch (DateTimeParseException e) {
        try {
          return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e2) {
          try {
            return LocalDate.parse(trimmed).atStartOfDay().toInstant(ZoneOffset.UTC);
          } catch (DateTimeParseException e3) {
            throw new ExaException(SqlState.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type timestamp with time zone: \"" + text + "\"");
          }
        }
      }
    }

    private static ExaException redundant() {
      return new ExaException(SqlState.SYNTAX_ERROR, "conflicting or redundant options");
    }

    private static ExaException syntax(String near) {
      return new ExaException(SqlState.SYNTAX_ERROR,
          "syntax error at or near \"" + near + "\" in role options");
    }
  }
}
