package org.hotdesk.core.login;

import java.time.Clock;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.policy.OtpPolicy;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantStore;
import org.hotdesk.core.transaction.Transactions;
import org.hotdesk.core.user.User;
import org.hotdesk.core.user.UserStore;

/** Generates one-time login codes (B3Networks: 6 digits, 2 minutes, single use, tied to the user). */
public final class OtpService {
    private static final int MAX_TRIES = 50;
    private final Transactions tx;
    private final TenantStore tenants;
    private final UserStore users;
    private final OtpStore otps;
    private final AuditLog audit;
    private final Clock clock;
    private final RandomGenerator random;

    public OtpService(Transactions tx, TenantStore tenants, UserStore users, OtpStore otps, AuditLog audit,
                      Clock clock, RandomGenerator random) {
        this.tx = tx;
        this.tenants = tenants;
        this.users = users;
        this.otps = otps;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    /** A new code for the user; any earlier code of theirs stops working. */
    public OtpCode generate(long tenantId, long userId, Actor actor) {
        return tx.inTransaction(() -> {
            Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> new NotFoundException("tenant", tenantId));
            User user = users.lockForUpdate(userId).filter(u -> u.tenantId() == tenantId)
                    .orElseThrow(() -> new NotFoundException("user", userId));
            if (!user.enabled()) {
                throw new ConflictException("user " + user.extension() + " is disabled");
            }
            if (!user.hotDesk()) {
                throw new ConflictException("user " + user.extension() + " has no hot-desk access");
            }
            OtpPolicy policy = tenant.settings().otp();
            Instant now = clock.instant();
            otps.deleteForUser(userId);
            // keep recently expired codes a while, so a late dial hears "expired", not "invalid"
            otps.deleteExpired(tenantId, now.minus(java.time.Duration.ofHours(1)));
            String code = uniqueCode(tenantId, policy.length());
            Instant expiresAt = now.plus(policy.lifetime());
            otps.insert(tenantId, userId, OtpHash.of(code), now, expiresAt);
            audit.append(AuditRecord.of(tenantId, now, actor, "otp.generated", "user:" + userId + "/" + user.extension(),
                    null, "expires " + expiresAt));
            return new OtpCode(code, expiresAt);
        });
    }

    // Codes are looked up by value within the tenant, so two live codes must never be equal.
    private String uniqueCode(long tenantId, int length) {
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            String code = sb.toString();
            if (otps.findByCode(tenantId, OtpHash.of(code)).isEmpty()) {
                return code;
            }
        }
        throw new IllegalStateException("no free OTP code after " + MAX_TRIES + " tries in tenant " + tenantId);
    }
}
