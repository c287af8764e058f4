package org.hotdesk.core.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.login.LockKey;
import org.hotdesk.core.login.LoginAttempts;
import org.hotdesk.core.login.LoginRefusal;
import org.hotdesk.core.security.SecretHasher;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantStore;
import org.hotdesk.core.transaction.Transactions;
import org.hotdesk.core.user.Pins;
import org.hotdesk.core.user.User;
import org.hotdesk.core.user.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the API and the web pages: tenant admin tokens (issued by the system admin, kept until
 * revoked), and employees signing in with extension and PIN. A wrong PIN here counts towards the same
 * lockout as a wrong PIN dialled at a desk, so the web is no side door for guessing PINs.
 */
public final class AccessService {
    /** How long an employee's sign-in lasts (a working day and then some). */
    public static final Duration EMPLOYEE_TOKEN_LIFETIME = Duration.ofHours(12);
    private static final int MAX_NAME = 100;
    private static final Logger log = LoggerFactory.getLogger(AccessService.class);

    private final Transactions tx;
    private final AccessTokenStore tokens;
    private final TenantStore tenants;
    private final UserStore users;
    private final LoginAttempts attempts;
    private final SecretHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final TokenSecrets secrets;

    public AccessService(Transactions tx, AccessTokenStore tokens, TenantStore tenants, UserStore users,
                         LoginAttempts attempts, SecretHasher hasher, AuditLog audit, Clock clock,
                         TokenSecrets secrets) {
        this.tx = tx;
        this.tokens = tokens;
        this.tenants = tenants;
        this.users = users;
        this.attempts = attempts;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.secrets = secrets;
        // an unknown extension costs as much time as a wrong PIN, so timing does not tell which exist
    }

    /** A token for an administrator of one tenant. The secret is in the answer only. */
    public IssuedToken issueTenantAdminToken(long tenantId, String name, Actor actor) {
        String cleanName = name == null ? "" : name.trim();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME) {
            throw new InvalidInputException("name", "a token needs a name of 1 to " + MAX_NAME
                    + " characters, e.g. the admin's e-mail address");
        }
        return tx.inTransaction(() -> {
            Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> new NotFoundException("tenant", tenantId));
            String secret = secrets.newSecret();
            AccessToken token = tokens.insert(Role.TENANT_ADMIN, tenant.id(), null, cleanName,
                    TokenSecrets.hash(secret), clock.instant(), null);
            audit.append(AuditRecord.of(tenant.id(), clock.instant(), actor, "token.issued", "token:" + token.id(),
                    null, "name=" + cleanName));
            return new IssuedToken(token, secret);
        });
    }

    /**
     * The first start of a server without a configured admin token makes one and hands it back, to be
     * printed once; later starts find it (only its hash is kept) and return empty.
     */
    public Optional<IssuedToken> ensureSystemAdminToken() {
        return tx.inTransaction(() -> {
            if (tokens.anyOfRole(Role.SYSTEM_ADMIN)) {
                return Optional.<IssuedToken>empty();
            }
            String secret = secrets.newSecret();
            AccessToken token = tokens.insert(Role.SYSTEM_ADMIN, null, null, "system-admin",
                    TokenSecrets.hash(secret), clock.instant(), null);
            audit.append(AuditRecord.of(null, clock.instant(), Actor.system("startup"), "token.issued",
                    "token:" + token.id(), null, "name=system-admin"));
            return Optional.of(new IssuedToken(token, secret));
        });
    }

    /** Replaces the system admin's stored token (the old one stops working) and hands back the new one. */
    public IssuedToken resetSystemAdminToken(Actor actor) {
        return tx.inTransaction(() -> {
            tokens.deleteRole(Role.SYSTEM_ADMIN);
            String secret = secrets.newSecret();
            AccessToken token = tokens.insert(Role.SYSTEM_ADMIN, null, null, "system-admin",
                    TokenSecrets.hash(secret), clock.instant(), null);
            audit.append(AuditRecord.of(null, clock.instant(), actor, "token.issued", "token:" + token.id(),
                    null, "name=system-admin (reset)"));
            return new IssuedToken(token, secret);
        });
    }

    public List<AccessToken> adminTokens(long tenantId) {
        return tokens.listAdminTokens(tenantId);
    }

    public void revoke(long tenantId, long tokenId, Actor actor) {
        tx.run(() -> {
            AccessToken token = tokens.findById(tokenId).filter(t -> t.tenantId() != null && t.tenantId() == tenantId)
                    .orElseThrow(() -> new NotFoundException("token", tokenId));
            tokens.delete(token.id());
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "token.revoked", "token:" + token.id(),
                    null, "name=" + token.name()));
        });
    }

    /** The principal a stored bearer token stands for; empty when unknown, expired or its user is gone. */
    public Optional<Principal> authenticate(String secret) {
        return token(secret).map(AccessToken::principal);
    }

    /** The stored token behind a bearer secret, if it still lets its holder in (see {@link #authenticate}). */
    public Optional<AccessToken> token(String secret) {
        if (secret == null || !secret.startsWith(TokenSecrets.PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByHash(TokenSecrets.hash(secret)).filter(this::letsIn);
    }

    /**
     * Whether the token with this id still lets its holder in: not revoked, not expired, its employee not disabled
     * or deleted. A browser signed in with a token asks on every request, so revoking it signs that browser out.
     */
    public boolean isLive(long tokenId) {
        return tokens.findById(tokenId).filter(this::letsIn).isPresent();
    }

    private boolean letsIn(AccessToken t) {
        return !t.isExpired(clock.instant())
                && (t.role() != Role.EMPLOYEE || users.findById(t.userId()).map(User::enabled).orElse(false));
    }

    /**
     * An employee signs in with the tenant (id or domain), extension and PIN. Failures count towards the
     * user's lockout; a locked user is refused even with the right PIN.
     */
    public SignIn signIn(String tenant, String extension, String pin) {
        Optional<Tenant> found = findTenant(tenant);
        Optional<User> user = found.isPresent() && Pins.isExtension(extension)
                ? users.findByExtension(found.get().id(), extension) : Optional.empty();
        if (user.isEmpty()) {
            hasher.matchNothing(pin);
            log.info("web sign-in refused tenant={} extension={} reason={}", tenant, extension,
                    LoginRefusal.INVALID_CREDENTIALS);
            return new SignIn.Refused(LoginRefusal.INVALID_CREDENTIALS);
        }
        Tenant t = found.get();
        User u = user.get();
        LockKey key = LockKey.user(u.id());
        if (attempts.isLocked(t.id(), key)) {
            return refused(t, u, LoginRefusal.LOCKED);
        }
        if (pin == null || !hasher.matches(pin, u.pinHash())) {
            attempts.recordFailure(t.id(), key, t.settings().lockout());
            return refused(t, u, LoginRefusal.INVALID_CREDENTIALS);
        }
        if (!u.enabled()) {
            return refused(t, u, LoginRefusal.USER_DISABLED);
        }
        attempts.recordSuccess(t.id(), key);
        audit.append(AuditRecord.of(t.id(), clock.instant(), Actor.user(u.extension()), "web.signed_in",
                "user:" + u.id() + "/" + u.extension(), null, null));
        return new SignIn.SignedIn(Principal.employee(t.id(), u.id(), u.extension()), u);
    }

    /**
     * The lockout standing of an employee after a refused sign-in; empty for an unknown tenant or extension, so
     * this says no more about who exists than the refusal itself did.
     */
    public Optional<SignInLimit> limitOf(String tenant, String extension) {
        Optional<Tenant> found = findTenant(tenant);
        Optional<User> user = found.isPresent() && Pins.isExtension(extension)
                ? users.findByExtension(found.get().id(), extension) : Optional.empty();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        long tenantId = found.get().id();
        LockKey key = LockKey.user(user.get().id());
        var policy = found.get().settings().lockout();
        return Optional.of(new SignInLimit(attempts.failuresLeft(tenantId, key, policy), policy.lockDuration(),
                attempts.lockedUntil(tenantId, key).orElse(null)));
    }

    /** Signs an employee in and issues an API token for them, valid {@link #EMPLOYEE_TOKEN_LIFETIME}. */
    public IssuedToken issueEmployeeToken(User user) {
        String secret = secrets.newSecret();
        Instant now = clock.instant();
        AccessToken token = tx.inTransaction(() -> tokens.insert(Role.EMPLOYEE, user.tenantId(), user.id(),
                user.extension(), TokenSecrets.hash(secret), now, now.plus(EMPLOYEE_TOKEN_LIFETIME)));
        return new IssuedToken(token, secret);
    }

    /** Housekeeping for the timer loop: expired employee tokens go. */
    public int removeExpired() {
        return tokens.deleteExpired(clock.instant());
    }

    private Optional<Tenant> findTenant(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            return Optional.empty();
        }
        String key = tenant.trim();
        if (key.chars().allMatch(Character::isDigit) && key.length() < 19) {
            return tenants.findById(Long.parseLong(key));
        }
        return tenants.findByDomain(key.toLowerCase(java.util.Locale.ROOT));
    }

    private SignIn refused(Tenant tenant, User user, LoginRefusal refusal) {
        audit.append(AuditRecord.of(tenant.id(), clock.instant(), Actor.user(user.extension()), "web.sign_in_refused",
                "user:" + user.id() + "/" + user.extension(), refusal.name(), null));
        log.info("web sign-in refused tenant={} extension={} reason={}", tenant.domain(), user.extension(), refusal);
        return new SignIn.Refused(refusal);
    }
}
