package io.exapg.storage.catalog;

import java.util.EnumSet;
import java.util.Set;

/** A privilege on a table, view or schema, with PostgreSQL's letter for it in ACL texts. */
public enum Privilege {
  SELECT('r'),
  INSERT('a'),
  UPDATE('w'),
  DELETE('d'),
  TRUNCATE('D'),
  USAGE('U'),
  CREATE('C');

  /** What GRANT ALL means on a table or view. */
  public static final Set<Privilege> TABLE = EnumSet.of(SELECT, INSERT, UPDATE, DELETE, TRUNCATE);
  /** What GRANT ALL means on a schema. */
  public static final Set<Privilege> SCHEMA = EnumSet.of(USAGE, CREATE);

  private final char letter;

  Privilege(char letter) {
    this.letter = letter;
  }

  public char letter() {
    return letter;
  }

  public static Privilege ofLetter(char letter) {
    for (Privilege privilege : values()) {
      if (privilege.letter == letter) {
        return privilege;
      }
    }
    throw new IllegalArgumentException("no privilege letter " + letter);
  }
}
