package org.hotdesk.core.user;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.bulk.ImportCounts;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.security.SecretHasher;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantService;
import org.hotdesk.core.transaction.Transactions;

/** Creating users and changing their hot-desk access, PIN and enabled state. */
public final class UserService {
    private final Transactions tx;
    private final UserStore users;
    private final TenantService tenants;
    private final SecretHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final UserListener listener;

    public UserService(Transactions tx, UserStore users, TenantService tenants, SecretHasher hasher, AuditLog audit,
                       Clock clock, UserListener listener) {
        this.tx = tx;
        this.users = users;
        this.tenants = tenants;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Everything that would stop {@link #create} for these fields, all at once (a form names every wrong field):
     * the format of each, then a PIN too easy to guess and an extension already taken.
     */
    public List<HotdeskException> problemsOfNew(long tenantId, String extension, String name, String pin) {
        List<HotdeskException> problems = new ArrayList<>(NewUser.problems(extension, name, pin, null));
        boolean extensionOk = problems.stream().noneMatch(p -> p instanceof InvalidInputException e
                && e.field().equals("extension"));
        boolean pinOk = problems.stream().noneMatch(p -> p instanceof InvalidInputException e && e.field().equals("pin"));
        if (extensionOk && pinOk) {
            try {
                PinStrength.requireStrong(pin, extension.trim(), tenants.get(tenantId).settings().lockout());
            } catch (InvalidInputException e) {
                problems.add(e);
            }
        }
        if (extensionOk && users.findByExtension(tenantId, extension.trim()).isPresent()) {
            problems.add(new ConflictException("extension " + extension.trim() + " already exists"));
        }
        return problems;
    }

    public User create(long tenantId, NewUser request, Actor actor) {
        Tenant tenant = tenants.get(tenantId);
        PinStrength.requireStrong(request.pin(), request.extension(), tenant.settings().lockout());
        // hash outside the transaction: it is slow on purpose
        String pinHash = hasher.hash(request.pin());
        SipAccountHashes sip = request.sipPassword() == null ? null
                : SipAccountHashes.of(request.extension(), tenant.domain(), request.sipPassword());
        return tx.inTransaction(() -> {
            // the digest is decided under the tenant's row lock: turning phone-key login off cannot slip in between
            SipAccountHashes pinDigest = PinDigests.forPin(tenants.lockForUpdate(tenantId), request.extension(),
                    request.pin());
            if (users.findByExtension(tenantId, request.extension()).isPresent()) {
                throw new ConflictException("extension " + request.extension() + " already exists in tenant " + tenant.domain());
            }
            User user = users.insert(tenantId, request.extension(), request.name(), request.hotDesk(), pinHash, pinDigest, sip,
                    clock.instant());
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "user.created", subject(user), null,
                    "extension=" + user.extension() + " hotDesk=" + user.hotDesk()));
            return user;
        });
    }

    /**
     * A bulk import: creates the new users and brings existing ones to their row's name, hot-desk access, enabled
     * state and (when given) PIN, all in one transaction, so a row that fails undoes every row before it.
     * Revoking access or disabling logs the user out, as the single edits do.
     */
    public ImportCounts importUsers(long tenantId, List<UserImportRow> rows, Actor actor) {
        Tenant tenant = tenants.get(tenantId);
        // PINs are hashed before the transaction: slow on purpose, and it must not hold row locks meanwhile
        List<String> pinHashes = new ArrayList<>();
        for (UserImportRow row : rows) {
            if (row.pin() != null) {
                Pins.requireValidPin(row.pin());
                PinStrength.requireStrong(row.pin(), Pins.requireExtension(row.extension()), tenant.settings().lockout());
            }
            pinHashes.add(row.pin() == null ? null : hasher.hash(row.pin()));
        }
        return tx.inTransaction(() -> {
            Tenant locked = tenants.lockForUpdate(tenantId); // digests decided under it, as in create
            ImportCounts counts = ImportCounts.NONE;
            for (int i = 0; i < rows.size(); i++) {
                UserImportRow row = rows.get(i);
                String extension = Pins.requireExtension(row.extension());
                Optional<User> current = users.findByExtension(tenantId, extension);
                if (current.isEmpty()) {
                    NewUser request = new NewUser(extension, row.name(), row.pin(), row.hotDesk(), null);
                    User user = users.insert(tenantId, extension, request.name(), request.hotDesk(), pinHashes.get(i),
                            PinDigests.forPin(locked, extension, row.pin()), null, clock.instant());
                    audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "user.created", subject(user), null,
                            "extension=" + user.extension() + " hotDesk=" + user.hotDesk() + " imported"));
                    if (!row.enabled()) {
                        setEnabled(tenantId, user.id(), false, actor);
                    }
                    counts = counts.plusAdded();
                    continue;
                }
                User user = current.get();
                boolean changed = false;
                if (!user.name().equals(row.name() == null ? null : row.name().trim())) {
                    rename(tenantId, user.id(), row.name(), actor);
                    changed = true;
                }
                if (user.hotDesk() != row.hotDesk()) {
                    setHotDesk(tenantId, user.id(), row.hotDesk(), actor);
                    changed = true;
                }
                if (user.enabled() != row.enabled()) {
                    setEnabled(tenantId, user.id(), row.enabled(), actor);
                    changed = true;
                }
                if (row.pin() != null) {
                    String pinHash = pinHashes.get(i);
                    change(tenantId, user.id(), actor, "user.pin_changed", null,
                            u -> new User(u.id(), u.tenantId(), u.extension(), u.name(), u.hotDesk(), u.enabled(),
                                    pinHash, PinDigests.forPin(locked, u.extension(), row.pin()),
                                    u.sipAccount(), u.createdAt()));
                    changed = true;
                }
                counts = changed ? counts.plusUpdated() : counts.plusUnchanged();
            }
            return counts;
        });
    }

    public User get(long tenantId, long userId) {
        return users.findById(userId).filter(u -> u.tenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("user", userId));
    }

    public User byExtension(long tenantId, String extension) {
        return users.findByExtension(tenantId, Pins.requireExtension(extension))
                .orElseThrow(() -> new NotFoundException("extension", extension));
    }

    /** The tenant's user with this extension, if any (dialled numbers, SIP accounts; served from memory). */
    public Optional<User> findByExtension(long tenantId, String extension) {
        return users.findByExtension(tenantId, extension);
    }

    /** The user with this id in any tenant, if any: for ids the caller already holds (a session's user). */
    public Optional<User> findById(long userId) {
        return users.findById(userId);
    }

    public List<User> list(long tenantId) {
        return users.list(tenantId);
    }

    /** Everyone the tenant ever had, deleted people too: for naming them in history, never for logging anyone in. */
    public List<User> listWithDeleted(long tenantId) {
        return users.listWithDeleted(tenantId);
    }

    /**
     * Deletes a person: they are logged out of every desk first, then no list or look-up finds them, so they can no
     * longer log in (PIN, one-time code, phone key, web) and their extension is free for someone new. Their
     * sessions, calls and audit entries stay and still name them.
     */
    public void delete(long tenantId, long userId, Actor actor) {
        tx.run(() -> {
            // the user's row before their sessions, in the order disabling takes them
            User user = users.lockForUpdate(userId).filter(u -> u.tenantId() == tenantId)
                    .orElseThrow(() -> new NotFoundException("user", userId));
            listener.deleting(tenantId, userId, actor);
            users.markDeleted(userId, clock.instant());
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "user.deleted", subject(user), null,
                    "name=" + user.name()));
        });
    }

    /**
     * How many of the tenant's users could not log in by phone key yet for lack of a PIN digest (after phone-key
     * login was turned on: until they log in once with the PIN by a code, or have it set again).
     */
    public int withoutPinDigest(long tenantId) {
        return users.countWithoutPinDigest(tenantId);
    }

    public User setPin(long tenantId, long userId, String pin, Actor actor) {
        Pins.requireValidPin(pin);
        Tenant tenant = tenants.get(tenantId);
        PinStrength.requireStrong(pin, get(tenantId, userId).extension(), tenant.settings().lockout());
        String pinHash = hasher.hash(pin);
        return tx.inTransaction(() -> {
            // the tenant's row before the user's, in the order turning phone-key login off takes them
            Tenant locked = tenants.lockForUpdate(tenantId);
            return change(tenantId, userId, actor, "user.pin_changed", null,
                    u -> new User(u.id(), u.tenantId(), u.extension(), u.name(), u.hotDesk(), u.enabled(), pinHash,
                            PinDigests.forPin(locked, u.extension(), pin), u.sipAccount(), u.createdAt()));
        });
    }

    /** Granting or revoking hot-desk access; revoking logs the user out of every shared device. */
    public User setHotDesk(long tenantId, long userId, boolean hotDesk, Actor actor) {
        User user = change(tenantId, userId, actor, hotDesk ? "user.hotdesk_granted" : "user.hotdesk_revoked", null,
                u -> new User(u.id(), u.tenantId(), u.extension(), u.name(), hotDesk, u.enabled(), u.pinHash(),
                        u.pinDigest(), u.sipAccount(), u.createdAt()));
        if (!hotDesk) {
            listener.hotDeskRevoked(tenantId, userId, actor);
        }
        return user;
    }

    /** The name the desk shows while they sit there. */
    public User rename(long tenantId, long userId, String name, Actor actor) {
        String clean = requireName(name);
        return tx.inTransaction(() -> {
            User renamed = change(tenantId, userId, actor, "user.renamed", "name=" + clean,
                    u -> new User(u.id(), u.tenantId(), u.extension(), clean, u.hotDesk(), u.enabled(), u.pinHash(),
                            u.pinDigest(), u.sipAccount(), u.createdAt()));
            listener.deskDisplayChanged(tenantId, userId, "user name");
            return renamed;
        });
    }

    /**
     * Applies several changes to one person in one transaction; a bad name is refused before anything is written.
     * Only what differs is changed (and audited); revoking access or disabling logs them out, as the single edits do.
     */
    public User update(long tenantId, long userId, UserChanges changes, Actor actor) {
        if (changes.name() != null) {
            requireName(changes.name());
        }
        return tx.inTransaction(() -> {
            User user = get(tenantId, userId);
            if (changes.name() != null && !changes.name().trim().equals(user.name())) {
                user = rename(tenantId, userId, changes.name(), actor);
            }
            if (changes.hotDesk() != null && changes.hotDesk() != user.hotDesk()) {
                user = setHotDesk(tenantId, userId, changes.hotDesk(), actor);
            }
            if (changes.enabled() != null && changes.enabled() != user.enabled()) {
                user = setEnabled(tenantId, userId, changes.enabled(), actor);
            }
            return user;
        });
    }

    /** Disabling a user ends all their sessions with {@code USER_DISABLED}. */
    public User setEnabled(long tenantId, long userId, boolean enabled, Actor actor) {
        User user = change(tenantId, userId, actor, enabled ? "user.enabled" : "user.disabled", null,
                u -> new User(u.id(), u.tenantId(), u.extension(), u.name(), u.hotDesk(), enabled, u.pinHash(),
                        u.pinDigest(), u.sipAccount(), u.createdAt()));
        if (!enabled) {
            listener.disabled(tenantId, userId, actor);
        }
        return user;
    }

    /** The user's programmable keys, which their desk shows after the logout key while they sit there. */
    public List<FunctionKey> keys(long tenantId, long userId) {
        get(tenantId, userId);
        return users.keys(userId);
    }

    /** Replaces the user's keys; a desk they are logged in at is told to fetch its configuration again. */
    public List<FunctionKey> setKeys(long tenantId, long userId, List<FunctionKey> keys, Actor actor) {
        List<FunctionKey> clean = List.copyOf(keys == null ? List.of() : keys);
        if (clean.size() > FunctionKey.MAX_KEYS) {
            throw new InvalidInputException("keys", "at most " + FunctionKey.MAX_KEYS + " keys, got " + clean.size());
        }
        return tx.inTransaction(() -> {
            User user = users.lockForUpdate(userId).filter(u -> u.tenantId() == tenantId)
                    .orElseThrow(() -> new NotFoundException("user", userId));
            users.replaceKeys(userId, clean);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "user.keys_changed", subject(user), null,
                    clean.size() + " keys"));
            listener.deskDisplayChanged(tenantId, userId, "user keys");
            return clean;
        });
    }

    private User change(long tenantId, long userId, Actor actor, String action, String reason,
                        java.util.function.UnaryOperator<User> edit) {
        return tx.inTransaction(() -> {
            User current = users.lockForUpdate(userId).filter(u -> u.tenantId() == tenantId)
                    .orElseThrow(() -> new NotFoundException("user", userId));
            User changed = edit.apply(current);
            users.update(changed);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, action, subject(changed), reason, null));
            return changed;
        });
    }

    private static String requireName(String name) {
        String clean = name == null ? "" : name.trim();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new InvalidInputException("name", "must be 1 to 100 characters");
        }
        return clean;
    }

    static String subject(User user) {
        return "user:" + user.id() + "/" + user.extension();
    }
}
