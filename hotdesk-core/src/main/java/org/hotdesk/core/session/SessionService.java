package org.hotdesk.core.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceStore;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.event.SessionEvent;
import org.hotdesk.core.event.ConfigChanges;
import org.hotdesk.core.login.LockKey;
import org.hotdesk.core.login.LoginAttempts;
import org.hotdesk.core.login.OtpHash;
import org.hotdesk.core.login.OtpStore;
import org.hotdesk.core.login.SecretHasher;
import org.hotdesk.core.login.StoredOtp;
import org.hotdesk.core.policy.MultipleLoginPolicy;
import org.hotdesk.core.session.LoginResult.LoggedIn;
import org.hotdesk.core.session.LoginResult.Refused;
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
 * Logging users in and out of devices, by every method, under the tenant's rules: one session per device
 * (a new login displaces the old), the multiple-login policy, lockout, hot-desk access. Each call is one
 * transaction that holds the device's row lock, so concurrent logins on one device are serialised.
 */
public final class SessionService {
    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final Transactions tx;
    private final TenantStore tenants;
    private final DeviceStore devices;
    private final UserStore users;
    private final SessionStore sessions;
    private final OtpStore otps;
    private final LoginAttempts attempts;
    private final SecretHasher hasher;
    private final SessionDeadlines deadlines;
    private final AuditLog audit;
    private final ConfigChanges configChanges;
    private final Clock clock;
    // compared against when the extension is unknown, so both cases take the same time

    public SessionService(Transactions tx, TenantStore tenants, DeviceStore devices, UserStore users,
                          SessionStore sessions, OtpStore otps, LoginAttempts attempts, SecretHasher hasher,
                          SessionDeadlines deadlines, AuditLog audit, ConfigChanges configChanges, Clock clock) {
        this.tx = tx;
        this.tenants = tenants;
        this.devices = devices;
        this.users = users;
        this.sessions = sessions;
        this.otps = otps;
        this.attempts = attempts;
        this.hasher = hasher;
        this.deadlines = deadlines;
        this.audit = audit;
        this.configChanges = configChanges;
        this.clock = clock;
    }

    /** Logs a user in on a device. Refusals are values; a refusal that guessed a secret counts towards lockout. */
    public LoginResult login(long deviceId, Credentials credentials, Actor actor) {
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
        boolean secretBased = !(credentials instanceof Credentials.Assigned);
        if (secretBased && attempts.isLocked(tenantId, LockKey.device(deviceId))) {
            return refuse(device, who.user(), credentials, LoginRefusal.LOCKED, actor);
        }
        User user = who.user();
        if (credentials instanceof Credentials.Otp otp) {
            OtpCheck check = checkOtp(tenantId, otp);
            user = check.user();
            if (user != null && attempts.isLocked(tenantId, LockKey.user(user.id()))) {
                return refuse(device, user, credentials, LoginRefusal.LOCKED, actor);
            }
            if (check.refusal() != null) {
                return refuse(device, user, credentials, check.refusal(), actor);
            }
        } else if (secretBased) {
            if (user != null && attempts.isLocked(tenantId, LockKey.user(user.id()))) {
                return refuse(device, user, credentials, LoginRefusal.LOCKED, actor);
            }
            if (user == null || !who.pinMatched()) {
                return refuse(device, user, credentials, LoginRefusal.INVALID_CREDENTIALS, actor);
            }
        }
        user = users.lockForUpdate(user.id()).orElseThrow();
        if (!user.enabled()) {
            return refuse(device, user, credentials, LoginRefusal.USER_DISABLED, actor);
        }
        if (!user.hotDesk()) {
            return refuse(device, user, credentials, LoginRefusal.HOT_DESK_NOT_ALLOWED, actor);
        }
        LoginResult result = open(tenant, device, user, credentials.method(), actor);
        if (result instanceof LoggedIn && credentials instanceof Credentials.ExtensionPin(String ext, String pin)) {
            // the PIN itself has just matched: the moment a digest missing since phone-key login was turned on
            // can be made
            PinDigests.filledIn(tenant, user, pin).ifPresent(filled -> {
                users.update(filled);
                audit.append(AuditRecord.of(tenant.id(), clock.instant(), actor, "user.pin_digest_stored",
                        "user:" + filled.id() + "/" + filled.extension(), "phone-key login on", null));
            });
        }
        return result;
    }

    private record OtpCheck(User user, LoginRefusal refusal) {
    }

    private OtpCheck checkOtp(long tenantId, Credentials.Otp otp) {
        if (otp.code() == null || !otp.code().matches("[0-9]{4,10}")) {
            return new OtpCheck(null, LoginRefusal.INVALID_CODE);
        }
        Optional<StoredOtp> stored = otps.findByCode(tenantId, OtpHash.of(otp.code()));
        if (stored.isEmpty()) {
            return new OtpCheck(null, LoginRefusal.INVALID_CODE);
        }
        User owner = users.findById(stored.get().userId()).orElseThrow();
        if (otp.extension() != null && !otp.extension().equals(owner.extension())) {
            // someone else's code: do not tell whose it is
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

    private LoginResult open(Tenant tenant, Device device, User user, LoginMethod method, Actor actor) {
        Instant now = clock.instant();
        MultipleLoginPolicy policy = tenant.settings().multipleLogin();
        List<Session> elsewhere = sessions.findOpenByUser(user.id()).stream()
                .filter(s -> s.deviceId() != device.id()).toList();
        if (policy == MultipleLoginPolicy.DENY && !elsewhere.isEmpty()) {
            return refuse(device, user, null, LoginRefusal.LOGGED_IN_ELSEWHERE, actor);
        }
        Optional<Session> current = sessions.findOpenByDevice(device.id());
        List<Session> loggedOutElsewhere = new ArrayList<>();
        if (policy == MultipleLoginPolicy.AUTO_LOGOUT_OTHER) {
            for (Session other : elsewhere) {
                end(other, LogoutReason.LOGGED_IN_ELSEWHERE, actor, now).ifPresent(loggedOutElsewhere::add);
            }
        }
        clearFailures(tenant.id(), device, user);
        if (current.isPresent() && current.get().userId() == user.id()) {
            // the same person dialling the login again: keep their session, it is still theirs
            audit.append(AuditRecord.of(tenant.id(), now, actor, "session.confirmed", subject(current.get()),
                    null, "method=" + method));
            return new LoggedIn(current.get(), Optional.empty(), loggedOutElsewhere);
        }
        Optional<Session> displaced = current.flatMap(s -> end(s, LogoutReason.DISPLACED, actor, now));
        Deadline deadline = DeadlineRule.next(now, now, 0,
                tenant.settings().sessionPolicy().overriddenBy(device.policy()), tenant.settings().timeZone())
                .orElse(null);
        Session session = sessions.insert(tenant.id(), device.id(), user.id(), method, now,
                policy != MultipleLoginPolicy.ALLOW, deadline);
        audit.append(AuditRecord.of(tenant.id(), now, actor, "session.started", subject(session), null,
                "method=" + method + " device=" + device.label() + " extension=" + user.extension()));
        log.info("login tenant={} device={} user={} method={}", tenant.domain(), device.label(), user.extension(), method);
        configChanges.announce(new SessionEvent.Started(session, device));
        return new LoggedIn(session, displaced, loggedOutElsewhere);
    }

    private void clearFailures(long tenantId, Device device, User user) {
        attempts.recordSuccess(tenantId, LockKey.device(device.id()));
        attempts.recordSuccess(tenantId, LockKey.user(user.id()));
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

    private org.hotdesk.core.policy.LockoutPolicy lockout(long tenantId) {
        return tenants.findById(tenantId).orElseThrow().settings().lockout();
    }

    /** The user at the device logs out (code or key). Empty when nobody was logged in there. */
    public Optional<Session> logout(long deviceId, LogoutReason reason, Actor actor) {
        return tx.inTransaction(() -> {
            Optional<Device> device = devices.lockForUpdate(deviceId);
            if (device.isEmpty()) {
                return Optional.<Session>empty();
            }
            return endOpenSessionOf(device.get(), reason, actor);
        });
    }

    /** An admin ends a session by its id (the live view's "Logout"). */
    public Session logoutSession(long tenantId, long sessionId, LogoutReason reason, Actor actor) {
        return tx.inTransaction(() -> {
            Session session = sessions.findById(sessionId).filter(s -> s.tenantId() == tenantId)
                    .orElseThrow(() -> new NotFoundException("session", sessionId));
            devices.lockForUpdate(session.deviceId());
            Session current = sessions.findById(sessionId).orElseThrow();
            if (!current.isOpen()) {
                return current;
            }
            return end(current, reason, actor, clock.instant()).orElse(current);
        });
    }

    /** Ends the device's open session, if any; joins the caller's transaction. */
    public Optional<Session> endOpenSessionOf(Device device, LogoutReason reason, Actor actor) {
        return tx.inTransaction(() -> sessions.findOpenByDevice(device.id())
                .flatMap(s -> end(s, reason, actor, clock.instant())));
    }

    /** Ends every open session of the user, e.g. when the user is disabled. */
    public List<Session> logoutUserEverywhere(long tenantId, long userId, LogoutReason reason, Actor actor) {
        return tx.inTransaction(() -> {
            List<Session> ended = new ArrayList<>();
            for (Session s : sessions.findOpenByUser(userId)) {
                if (s.tenantId() == tenantId) {
                    end(s, reason, actor, clock.instant()).ifPresent(ended::add);
                }
            }
            return ended;
        });
    }

    /** Ends one session; returns the ended session, or empty if it had already ended. */
    Optional<Session> end(Session session, LogoutReason reason, Actor actor, Instant endedAt) {
        if (!sessions.end(session.id(), endedAt, reason, actor.toString())) {
            return Optional.empty();
        }
        Session ended = sessions.findById(session.id()).orElseThrow();
        audit.append(AuditRecord.of(session.tenantId(), clock.instant(), actor, "session.ended", subject(ended),
                reason.name(), endedAt.equals(clock.instant()) ? null : "effective " + endedAt));
        Optional<Device> device = devices.findById(session.deviceId());
        log.info("logout tenant={} device={} user={} reason={}", session.tenantId(),
                device.map(Device::label).orElse(String.valueOf(session.deviceId())), session.userId(), reason);
        device.ifPresent(d -> configChanges.announce(new SessionEvent.Ended(ended, d)));
        return Optional.of(ended);
    }

    /** A call started on the device: the session's timers wait until it ends. */
    public void callStarted(long deviceId) {
        tx.run(() -> devices.lockForUpdate(deviceId).flatMap(d -> sessions.findOpenByDevice(deviceId)).ifPresent(s ->
                sessions.updateActivity(s.id(), s.activeCalls() + 1, clock.instant(), null)));
    }

    /** A call ended on the device: idle time counts from now; a timer that came due during the call fires now. */
    public void callEnded(long deviceId) {
        tx.run(() -> devices.lockForUpdate(deviceId).ifPresent(device -> sessions.findOpenByDevice(deviceId).ifPresent(s -> {
            Instant now = clock.instant();
            int active = Math.max(0, s.activeCalls() - 1);
            Session after = new Session(s.id(), s.tenantId(), s.deviceId(), s.userId(), s.method(), s.startedAt(),
                    now, active, null, null, null, null);
            Tenant tenant = tenants.findById(s.tenantId()).orElseThrow();
            sessions.updateActivity(s.id(), active, now, deadlines.compute(after, device, tenant).orElse(null));
        })));
    }

    public Optional<Session> openSessionOf(long deviceId) {
        return sessions.findOpenByDevice(deviceId);
    }

    public List<Session> listOpen(long tenantId) {
        return sessions.listOpen(tenantId);
    }

    public List<Session> history(long tenantId, Long userId, Long deviceId, int limit) {
        return sessions.history(tenantId, userId, deviceId, Math.max(1, Math.min(limit, 10_000)));
    }

    static String subject(Session session) {
        return "session:" + session.id() + " device:" + session.deviceId() + " user:" + session.userId();
    }
}
