package io.exapg.storage.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.storage.io.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Roles, role memberships, object owners and granted privileges, kept in catalog/access.json,
 * which every change rewrites atomically before it is visible. Objects are tables, views and
 * schemas by catalog id; an object nobody was recorded as owning belongs to the bootstrap
 * superuser. Readers see one immutable state; changes are serialized.
 */
public final class AccessControl {
  /** The grantee that stands for every role. */
  public static final long PUBLIC = 0;
  /** The superuser a data directory starts with, with PostgreSQL's oid for it. */
  public static final long BOOTSTRAP_OID = 10;
  public static final String BOOTSTRAP_USER = "exapg";
  /** Where the oids of created roles start, as PostgreSQL's first normal object id. */
  public static final long FIRST_ROLE_OID = 16384;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Everything this class keeps; replaced whole on every change. */
  private record State(Map<Long, RoleDef> roles, Map<Long, Set<Long>> groupsByMember,
      Map<Long, Long> owners, Map<Long, Map<Long, Set<Privilege>>> grants) {
    State copy() {
      Map<Long, Set<Long>> groups = new HashMap<>();
      groupsByMember.forEach((member, of) -> groups.put(member, new HashSet<>(of)));
      Map<Long, Map<Long, Set<Privilege>>> acl = new HashMap<>();
      grants.forEach((object, entries) -> {
        Map<Long, Set<Privilege>> copied = new HashMap<>();
        entries.forEach((grantee, privileges) -> copied.put(grantee, EnumSet.copyOf(privileges)));
        acl.put(object, copied);
      });
      return new State(new HashMap<>(roles), groups, new HashMap<>(owners), acl);
    }
  }

  private final Path file;
  private final Catalog catalog;
  private volatile State state;

  private AccessControl(Path file, Catalog catalog, State state) {
    this.file = file;
    this.catalog = catalog;
    this.state = state;
  }

  /**
   * Opens the access catalog beside the catalog; a new one has the bootstrap superuser and lets
   * every role use schema public, as PostgreSQL 15 does.
   */
  public static AccessControl open(Path directory, Catalog catalog) {
    Path file = directory.resolve("access.json");
    if (Files.exists(file)) {
      return new AccessControl(file, catalog, load(file));
    }
    State initial = new State(new HashMap<>(), new HashMap<>(), new HashMap<>(),
        new HashMap<>());
    initial.roles().put(BOOTSTRAP_OID, new RoleDef(BOOTSTRAP_OID, BOOTSTRAP_USER, true, true,
        true, true, true, -1, null, null));
    initial.grants().computeIfAbsent(catalog.schemaId(Catalog.DEFAULT_SCHEMA),
        id -> new HashMap<>()).put(PUBLIC, EnumSet.of(Privilege.USAGE));
    AccessControl access = new AccessControl(file, catalog, initial);
    access.save(initial);
    return access;
  }

  // ---------------------------------------------------------------- roles

  public RoleDef role(String name) {
    for (RoleDef role : state.roles().values()) {
      if (role.name().equals(name)) {
        return role;
      }
    }
    return null;
  }

  public RoleDef role(long oid) {
    return state.roles().get(oid);
  }

  public List<RoleDef> roles() {
    return new TreeMap<>(state.roles()).values().stream().toList();
  }

  /** Creates a role from a template whose oid is ignored; returns it with its oid. */
  public synchronized RoleDef createRole(RoleDef template) {
    requireFreeName(template.name());
    RoleDef role = template.withOid(FIRST_ROLE_OID + catalog.allocateId());
    State next = state.copy();
    next.roles().put(role.oid(), role);
    commit(next);
    return role;
  }

  /** Replaces a role's attributes or name (same oid). */
  public synchronized void replaceRole(RoleDef changed) {
    RoleDef before = state.roles().get(changed.oid());
    if (before == null) {
      throw new IllegalStateException("no role with oid " + changed.oid());
    }
    if (!before.name().equals(changed.name())) {
      requireFreeName(changed.name());
    }
    State next = state.copy();
    next.roles().put(changed.oid(), changed);
    commit(next);
  }

  private void requireFreeName(String name) {
    if (role(name) != null) {
      throw new ExaException(SqlState.DUPLICATE_OBJECT, "role \"" + name + "\" already exists");
    }
  }

  /**
   * Drops a role with its memberships and the privileges granted to it; the caller makes sure
   * it owns nothing.
   */
  public synchronized void dropRole(long oid) {
    State next = state.copy();
    next.roles().remove(oid);
    next.groupsByMember().remove(oid);
    next.groupsByMember().values().forEach(groups -> groups.remove(oid));
    next.grants().values().forEach(entries -> entries.remove(oid));
    commit(next);
  }

  /** The roles a role is a direct member of. */
  public Set<Long> groupsOf(long member) {
    return Set.copyOf(state.groupsByMember().getOrDefault(member, Set.of()));
  }

  /** Every (group, member) pair. */
  public List<long[]> memberships() {
    List<long[]> pairs = new ArrayList<>();
    state.groupsByMember().forEach((member, groups) -> groups.forEach(
        group -> pairs.add(new long[] {group, member})));
    return pairs;
  }

  public synchronized void grantMembership(long group, long member) {
    State next = state.copy();
    next.groupsByMember().computeIfAbsent(member, m -> new HashSet<>()).add(group);
    commit(next);
  }

  public synchronized void revokeMembership(long group, long member) {
    State next = state.copy();
    Set<Long> groups = next.groupsByMember().get(member);
    if (groups != null) {
      groups.remove(group);
    }
    commit(next);
  }

  /** Whether a role is a member of a group through any chain of memberships. */
  public boolean isMemberOf(long member, long group) {
    State current = state;
    Set<Long> seen = new HashSet<>();
    Deque<Long> pending = new ArrayDeque<>(current.groupsByMember().getOrDefault(member,
        Set.of()));
    while (!pending.isEmpty()) {
      long next = pending.poll();
      if (next == group) {
        return true;
      }
      if (seen.add(next)) {
        pending.addAll(current.groupsByMember().getOrDefault(next, Set.of()));
      }
    }
    return false;
  }

  /** The roles whose privileges a role uses: itself and, when it inherits, its groups'. */
  public Set<Long> effectiveRoles(long oid) {
    State current = state;
    Set<Long> seen = new HashSet<>();
    Deque<Long> pending = new ArrayDeque<>();
    pending.add(oid);
    while (!pending.isEmpty()) {
      long next = pending.poll();
      if (!seen.add(next)) {
        continue;
      }
      RoleDef role = current.roles().get(next);
      if (role != null && role.inherit()) {
        pending.addAll(current.groupsByMember().getOrDefault(next, Set.of()));
      }
    }
    return seen;
  }

  // ---------------------------------------------------------------- owners and privileges

  public long owner(long objectId) {
    return state.owners().getOrDefault(objectId, BOOTSTRAP_OID);
  }

  public synchronized void setOwner(long objectId, long roleOid) {
    State next = state.copy();
    if (roleOid == BOOTSTRAP_OID) {
      next.owners().remove(objectId);
    } else {
      next.owners().put(objectId, roleOid);
    }
    commit(next);
  }

  /** The objects a role owns, by catalog id. */
  public List<Long> ownedBy(long roleOid) {
    List<Long> owned = new ArrayList<>();
    state.owners().forEach((object, owner) -> {
      if (owner == roleOid) {
        owned.add(object);
      }
    });
    return owned;
  }

  /** The privileges granted on an object, by grantee (PUBLIC is 0). */
  public Map<Long, Set<Privilege>> grants(long objectId) {
    Map<Long, Set<Privilege>> entries = state.grants().get(objectId);
    return entries == null ? Map.of() : Map.copyOf(entries);
  }

  /** The objects some privilege was granted on to a role. */
  public List<Long> grantedTo(long roleOid) {
    List<Long> objects = new ArrayList<>();
    state.grants().forEach((object, entries) -> {
      if (entries.containsKey(roleOid)) {
        objects.add(object);
      }
    });
    return objects;
  }

  public synchronized void grant(long objectId, Collection<Long> grantees,
      Set<Privilege> privileges) {
    State next = state.copy();
    Map<Long, Set<Privilege>> entries = next.grants().computeIfAbsent(objectId,
        id -> new HashMap<>());
    for (long grantee : grantees) {
      entries.computeIfAbsent(grantee, g -> EnumSet.noneOf(Privilege.class)).addAll(privileges);
    }
    commit(next);
  }

  public synchronized void revoke(long objectId, Collection<Long> grantees,
      Set<Privilege> privileges) {
    State next = state.copy();
    Map<Long, Set<Privilege>> entries = next.grants().get(objectId);
    if (entries == null) {
      return;
    }
    for (long grantee : grantees) {
      Set<Privilege> held = entries.get(grantee);
      if (held != null) {
        held.removeAll(privileges);
        if (held.isEmpty()) {
          entries.remove(grantee);
        }
      }
    }
    if (entries.isEmpty()) {
      next.grants().remove(objectId);
    }
    commit(next);
  }

  /** Forgets the owner and privileges of an object that was dropped. */
  public synchronized void forget(long objectId) {
    if (!state.owners().containsKey(objectId) && !state.grants().containsKey(objectId)) {
      return;
    }
    State next = state.copy();
    next.owners().remove(objectId);
    next.grants().remove(objectId);
    commit(next);
  }

  public boolean isSuperuser(long roleOid) {
    RoleDef role = state.roles().get(roleOid);
    return role != null && role.superuser();
  }

  /** Whether the role owns the object, itself or through a role it inherits from. */
  public boolean isOwner(long roleOid, long objectId) {
    return isSuperuser(roleOid) || effectiveRoles(roleOid).contains(owner(objectId));
  }

  /**
   * Whether a role holds a privilege on an object: as superuser, as (a member of) its owner, or
   * by a grant to it, to a role it inherits from, or to PUBLIC.
   */
  public boolean has(long roleOid, long objectId, Privilege privilege) {
    if (isSuperuser(roleOid)) {
      return true;
    }
    Set<Long> effective = effectiveRoles(roleOid);
    if (effective.contains(owner(objectId))) {
      return true;
    }
    Map<Long, Set<Privilege>> entries = state.grants().get(objectId);
    if (entries == null) {
      return false;
    }
    Set<Privilege> toPublic = entries.get(PUBLIC);
    if (toPublic != null && toPublic.contains(privilege)) {
      return true;
    }
    for (long role : effective) {
      Set<Privilege> held = entries.get(role);
      if (held != null && held.contains(privilege)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- persistence

  /** The access catalog file as it is now: what a rolled back transaction block puts back. */
  public synchronized byte[] image() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot read the access catalog", e);
    }
  }

  /** Puts back an earlier {@link #image}: the changes of a block that did not commit go. */
  public synchronized void restore(byte[] image) {
    State earlier;
    try {
      earlier = load(JSON.readTree(image));
    } catch (IOException e) {
      throw new ExaException(SqlState.DATA_CORRUPTED,
          "cannot read the access catalog's earlier image: " + e.getMessage(), e);
    }
    commit(earlier);
  }

  private void commit(State next) {
    save(next);
    state = next;
  }

  private void save(State toSave) {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", 1);
    ArrayNode roles = root.putArray("roles");
    for (RoleDef role : new TreeMap<>(toSave.roles()).values()) {
      ObjectNode r = roles.addObject();
      r.put("oid", role.oid());
      r.put("name", role.name());
      r.put("superuser", role.superuser());
      r.put("inherit", role.inherit());
      r.put("createRole", role.createRole());
      r.put("createDb", role.createDb());
      r.put("login", role.login());
      r.put("connectionLimit", role.connectionLimit());
      if (role.password() != null) {
        r.put("password", role.password());
      }
      if (role.validUntil() != null) {
        r.put("validUntil", role.validUntil().toString());
      }
    }
    ArrayNode members = root.putArray("members");
    new TreeMap<>(toSave.groupsByMember()).forEach((member, groups) -> groups.stream().sorted()
        .forEach(group -> members.addObject().put("group", group).put("member", member)));
    ArrayNode owners = root.putArray("owners");
    new TreeMap<>(toSave.owners()).forEach((object, owner) ->
        owners.addObject().put("object", object).put("owner", owner));
    ArrayNode grants = root.putArray("grants");
    new TreeMap<>(toSave.grants()).forEach((object, entries) ->
        new TreeMap<>(entries).forEach((grantee, privileges) -> {
          StringBuilder letters = new StringBuilder();
          privileges.forEach(privilege -> letters.append(privilege.letter()));
          grants.addObject().put("object", object).put("grantee", grantee)
              .put("privileges", letters.toString());
        }));
    try {
      DurableFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(root));
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot write the access catalog", e);
    }
  }

  private static State load(Path file) {
    try {
      return load(JSON.readTree(file.toFile()));
    } catch (IOException | RuntimeException e) {
      throw new ExaException(SqlState.DATA_CORRUPTED,
          "cannot read the access catalog " + file + ": " + e.getMessage(), e);
    }
  }

  private static State load(JsonNode root) {
    State loaded = new State(new HashMap<>(), new HashMap<>(), new HashMap<>(),
        new HashMap<>());
    for (JsonNode r : root.get("roles")) {
      RoleDef role = new RoleDef(r.get("oid").asLong(), r.get("name").asText(),
          r.get("superuser").asBoolean(), r.get("inherit").asBoolean(),
          r.get("createRole").asBoolean(), r.get("createDb").asBoolean(),
          r.get("login").asBoolean(), r.get("connectionLimit").asInt(),
          r.has("password") ? r.get("password").asText() : null,
          r.has("validUntil") ? Instant.parse(r.get("validUntil").asText()) : null);
      loaded.roles().put(role.oid(), role);
    }
    for (JsonNode m : root.get("members")) {
      loaded.groupsByMember().computeIfAbsent(m.get("member").asLong(), k -> new HashSet<>())
          .add(m.get("group").asLong());
    }
    for (JsonNode o : root.get("owners")) {
      loaded.owners().put(o.get("object").asLong(), o.get("owner").asLong());
    }
    for (JsonNode g : root.get("grants")) {
      Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
      for (char letter : g.get("privileges").asText().toCharArray()) {
        privileges.add(Privilege.ofLetter(letter));
      }
      loaded.grants().computeIfAbsent(g.get("object").asLong(), k -> new HashMap<>())
          .put(g.get("grantee").asLong(), privileges);
    }
    return loaded;
  }
}
