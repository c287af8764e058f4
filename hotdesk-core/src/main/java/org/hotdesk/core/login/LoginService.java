package org.hotdesk.core.login;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceStore;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.login.LoginResult.LoggedIn;
import org.hotdesk.core.login.LoginResult.Refused;
import org.hotdesk.core.policy.LockoutPolicy;
import org.hotdesk.core.policy.MultipleLoginPolicy;
import org.hotdesk.core.security.SecretHasher;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.SessionService;
import org.hotdesk.core.session.SessionStart;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantStore;
import org.hotdesk.core.transaction.Transactions;
import org.hotdesk.core.user.PinDigests;
import org.hotdesk.core.user.Pins;
import org.hotdesk.core.user.User;
import org.hotdesk.core.user.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may log in where, by every method: the credentials are checked (PIN, one-time code, phone-key digest,
 * an admin's assignment) under the tenant's lockout and multiple-login rules, and an accepted login is handed to
 * {@link SessionService} to open the session. Each login is one transaction that holds the device's row lock, so
 * concurrent logins on one device are serialised.
 */
public final class LoginService {
    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    private final Transactions tx;
    private final TenantStore tenants;
    private final DeviceStore devices;
    private final UserStore users;
    private final OtpStore otps;
    private final LoginAttempts attempts;
    private final SecretHasher hasher;
    private final SessionService sessions;
    private final AuditLog audit;
    private final Clock clock;
    private final LoginCounts counts;

    public LoginService(Transactions tx, TenantStore tenants, DeviceStore devices, UserStore users, OtpStore otps,
                        LoginAttempts attempts, SecretHasher hasher, SessionService sessions, AuditLog audit,
                        Clock clock, LoginCounts counts) {
        this.tx = tx;
        this.tenants = tenants;
        this.devices = devices;
        this.users = users;
        this.otps = otps;
        this.attempts = attempts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
        this.counts = counts;
    }

    /** Logins decided since the start, and the lockouts they caused (metrics). */
    public LoginCounts counts() {
        return counts;
    }

    /** Logs a user in on a device. Refusals are values; a refusal that guessed a secret counts towards lockout. */
    public LoginResult login(long deviceId, Credentials credentials, Actor actor) {
        LoginResult result = attempt(deviceId, credentials, actor);
        counts.count(credentials.method(), result instanceof Refused refused ? refused.refusal() : null);
        return result;
    }

    private LoginResult attempt(long deviceId, Credentials credentials, Actor actor) {
        Optional<Device> found = devices.findById(deviceId);
        if (found.isEmpty()) {
            log.info("login refused device={} reason={}", deviceId, LoginRefusal.UNKNOWN_DEVICE);
            return new Refused(LoginRefusal.UNKNOWN_DEVICE);
        }
        Device device = found.get();
        // the slow PIN hash is checked before taking any lock
        Identified who = identify(device, credentials);
        return tx.inTransaction(() -> decide(device.id(), credentials, who, actor));
    }

    /**
     * A login by the phone's hot-desk key. The PIN works as a SIP password here, so it is tried only in a tenant
     * that has phone-key login on, and only from the tenant's trusted networks or from the address the desk itself
     * is registered from; anything else is refused before the PIN is looked at, and audited.
     */
    public LoginResult loginWithPhoneKey(PhoneKeyAttempt attempt, Actor actor) {
        Tenant tenant = tenants.findById(attempt.tenantId())
                .orElseThrow(() -> new NotFoundException("tenant", attempt.tenantId()));
        if (!tenant.settings().phoneKeyLogin()) {
            // no digest is kept to check it against; not a guess either, so it counts towards no lockout
            return refusePhoneKey(tenant, attempt, LoginRefusal.PHONE_KEY_LOGIN_OFF, actor);
        }
        boolean trusted = attempt.sourceIsDevice() || tenant.settings().trustedNetworks().contains(attempt.source());
        if (!trusted) {
            return refusePhoneKey(tenant, attempt, LoginRefusal.UNTRUSTED_NETWORK, actor);
        }
        Optional<Device> device = attempt.deviceId() == null ? Optional.empty()
                : devices.findById(attempt.deviceId()).filter(d -> d.tenantId() == tenant.id());
        if (device.isEmpty()) {
            return refusePhoneKey(tenant, attempt, LoginRefusal.UNKNOWN_DEVICE, actor);
        }
        return login(device.get().id(), new Credentials.PhoneKey(attempt.extension(), attempt.proof()), actor);
    }

    private Refused refusePhoneKey(Tenant tenant, PhoneKeyAttempt attempt, LoginRefusal refusal, Actor actor) {
        audit.append(AuditRecord.of(tenant.id(), clock.instant(), actor, "login.refused",
                "extension:" + attempt.extension(), refusal.name(),
                "method=" + LoginMethod.PHONE_KEY + " source=" + attempt.source()));
        counts.count(LoginMethod.PHONE_KEY, refusal);
        log.warn("phone-key login refused tenant={} extension={} source={} reason={}", tenant.domain(),
                attempt.extension(), attempt.source(), refusal);
        return new Refused(refusal);
    }

    /** Who the credentials name, and whether a PIN matched; OTPs are resolved inside the transaction. */
    private record Identified(User user, boolean pinMatched) {
    }

    private Identified identify(Device device, Credentials credentials) {
        return switch (credentials) {
            case Credentials.ExtensionPin(String extension, String pin) -> checkPin(device, extension, pin);
            case Credentials.PhoneKey(String extension, PinProof proof) -> checkPinProof(device, extension, proof);
            case Credentials.Assigned(long userId, LoginMethod method) -> new Identified(
                    users.findById(userId).filter(u -> u.tenantId() == device.tenantId())
                            .orElseThrow(() -> new NotFoundException("user", userId)), true);
            case Credentials.Otp otp -> new Identified(null, false);
        };
    }

    private Identified checkPin(Device device, String extension, String pin) {
        Optional<User> user = Pins.isExtension(extension)
                ? users.findByExtension(device.tenantId(), extension) : Optional.empty();
        if (user.isEmpty()) {
            hasher.matchNothing(pin);
            return new Identified(null, false);
        }
        return new Identified(user.get(), pin != null && hasher.matches(pin, user.get().pinHash()));
    }

    private Identified checkPinProof(Device device, String extension, PinProof proof) {
        Optional<User> user = Pins.isExtension(extension)
                ? users.findByExtension(device.tenantId(), extension) : Optional.empty();
        if (user.isEmpty() || user.get().pinDigest() == null) {
            return new Identified(user.orElse(null), false);
        }
        String realm = tenants.findById(device.tenantId()).orElseThrow().domain();
        return new Identified(user.get(), proof.matches(extension, realm, user.get().pinDigest()));
    }

    private LoginResult decide(long deviceId, Credentials credentials, Identified who, Actor actor) {
        Optional<Device> locked = devices.lockForUpdate(deviceId);
        if (locked.isEmpty()) {
            return new Refused(LoginRefusal.UNKNOWN_DEVICE);
        }
        Device device = locked.get();
        Tenant tenant = tenants.findById(device.tenantId()).orElseThrow();
        long tenantId = tenant.id();
        if (!device.enabled()) {
            return refuse(device, null, credentials, LoginRefusal.DEVICE_DISABLED, actor);
        }
        User user;
        if (credentials instanceof Credentials.Otp otp) {
            OtpCheck check = checkOtp(tenantId, device, otp);
            if (check.refusal() != null) {
                return refuse(device, check.user(), credentials, check.refusal(), actor);
            }
            user = check.user();
        } else if (credentials instanceof Credentials.Assigned) {
            user = users.lockForUpdate(who.user().id()).orElseThrow();
        } else {
            // the device and the user are locked out together: one look-up for both
            if (attempts.isLocked(tenantId, keys(device, who.user()))) {
                return refuse(device, who.user(), credentials, LoginRefusal.LOCKED, actor);
            }
            if (who.user() == null || !who.pinMatched()) {
                return refuse(device, who.user(), credentials, LoginRefusal.INVALID_CREDENTIALS, actor);
            }
            user = users.lockForUpdate(who.user().id()).orElseThrow();
        }
        if (!user.enabled()) {
            return refuse(device, user, credentials, LoginRefusal.USER_DISABLED, actor);
        }
        if (!user.hotDesk()) {
            return refuse(device, user, credentials, LoginRefusal.HOT_DESK_NOT_ALLOWED, actor);
        }
        if (tenant.settings().multipleLogin() == MultipleLoginPolicy.DENY && sessions.isOpenElsewhere(user.id(), device.id())) {
            return refuse(device, user, null, LoginRefusal.LOGGED_IN_ELSEWHERE, actor);
        }
        attempts.recordSuccess(tenantId, keys(device, user));
        SessionStart start = sessions.start(tenant, device, user, credentials.method(), actor);
        if (credentials instanceof Credentials.ExtensionPin(String extension, String pin)) {
            // the PIN itself has just matched: the moment a digest missing since phone-key login was turned on
            // can be made
            PinDigests.filledIn(tenant, user, pin).ifPresent(filled -> {
                users.update(filled);
                audit.append(AuditRecord.of(tenant.id(), clock.instant(), actor, "user.pin_digest_stored",
                        "user:" + filled.id() + "/" + filled.extension(), "phone-key login on", null));
            });
        }
        return new LoggedIn(start.session(), user, start.displaced(), start.loggedOutElsewhere());
    }

    private static LockKey[] keys(Device device, User user) {
        return user == null ? new LockKey[] {LockKey.device(device.id())}
                : new LockKey[] {LockKey.device(device.id()), LockKey.user(user.id())};
    }

    /** The code's owner (row-locked: the login goes on with them) and why the code does not work, if it does not. */
    private record OtpCheck(User user, LoginRefusal refusal) {
    }

    private OtpCheck checkOtp(long tenantId, Device device, Credentials.Otp otp) {
        Optional<StoredOtp> stored = otp.code() != null && otp.code().matches("[0-9]{4,10}")
                ? otps.findByCode(tenantId, OtpHash.of(otp.code())) : Optional.empty();
        User owner = stored.flatMap(code -> users.lockForUpdate(code.userId())).orElse(null);
        if (owner != null && otp.extension() != null && !otp.extension().equals(owner.extension())) {
            // someone else's code: do not tell whose it is, nor count against them
            owner = null;
            stored = Optional.empty();
        }
        // a locked device or owner is refused before the code is spent
        if (attempts.isLocked(tenantId, keys(device, owner))) {
            return new OtpCheck(owner, LoginRefusal.LOCKED);
        }
        if (stored.isEmpty() || owner == null) {
            // no such code, or its owner was deleted since it was given out
            return new OtpCheck(null, LoginRefusal.INVALID_CODE);
        }
        if (stored.get().usedAt() != null) {
            return new OtpCheck(owner, LoginRefusal.CODE_ALREADY_USED);
        }
        Instant now = clock.instant();
        if (!now.isBefore(stored.get().expiresAt())) {
            return new OtpCheck(owner, LoginRefusal.CODE_EXPIRED);
        }
        if (!otps.markUsed(stored.get().id(), now)) {
            return new OtpCheck(owner, LoginRefusal.CODE_ALREADY_USED);
        }
        return new OtpCheck(owner, null);
    }

    private Refused refuse(Device device, User user, Credentials credentials, LoginRefusal refusal, Actor actor) {
        long tenantId = device.tenantId();
        if (credentials != null && refusal.countsAsFailedAttempt()) {
            attempts.recordFailure(tenantId, LockKey.device(device.id()), lockout(tenantId));
            if (user != null) {
                attempts.recordFailure(tenantId, LockKey.user(user.id()), lockout(tenantId));
            }
        }
        audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "login.refused", "device:" + device.id() + "/" + device.label(),
                refusal.name(), credentials == null ? null
                        : "method=" + credentials.method() + (user == null ? "" : " extension=" + user.extension())));
        log.info("login refused tenant={} device={} user={} reason={}", tenantId, device.label(),
                user == null ? "-" : user.extension(), refusal);
        return new Refused(refusal);
    }

    private LockoutPolicy lockout(long tenantId) {
        return tenants.findById(tenantId).orElseThrow().settings().lockout();
    }
}
