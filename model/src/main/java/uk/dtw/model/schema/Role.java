package uk.dtw.model.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may read what on the read side, lowest first: each role reads all that the roles below it
 * read, and more. Which tables a role reads is declared on each table ({@link TableDef#readBy}, by
 * default its {@link Layer}'s); a view is readable when everything it reads is.
 */
public enum Role {
  /** Anyone: the named reports on aggregates, with disclosure control; no SQL of their own. */
  PUBLIC,
  /** Adds ad-hoc SQL and JDBC over the dimensions, the aggregate facts and the views on them. */
  ANALYST,
  /** Adds record-level episodes, bronze, quarantine, findings, load bookkeeping and operations. */
  ADMIN;

  /** Whether this role may do all that {@code other} may. */
  public boolean includes(Role other) {
    return compareTo(other) >= 0;
  }

  /** Whether this role may read the table (see it in SQL, metadata and catalogues at all). */
  public boolean reads(TableDef table) {
    return includes(table.readBy());
  }

  /** The name users write: public, analyst, admin. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Role::id).toList();
  }

  /** The role of that name (any case), if there is one. */
  public static Optional<Role> parse(String id) {
    return Arrays.stream(values()).filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
  }
}
