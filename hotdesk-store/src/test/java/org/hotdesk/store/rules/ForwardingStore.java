package org.hotdesk.store.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.location.RegistrationStore;
import org.hotdesk.core.location.Revocation;

/** The real store, with a method overridden where a test must act at a precise moment of a read. */
class ForwardingStore implements RegistrationStore {
    private final RegistrationStore real;

    ForwardingStore(RegistrationStore real) {
        this.real = real;
    }

    @Override
    public List<Registration> active(Instant now) {
        return real.active(now);
    }

    @Override
    public void write(Map<String, List<Registration>> rewritten, List<Registration> refreshed) {
        real.write(rewritten, refreshed);
    }

    @Override
    public List<Registration> ofAccount(String accountKey, Instant now) {
        return real.ofAccount(accountKey, now);
    }

    @Override
    public List<Registration> inTenant(long tenantId, Instant now) {
        return real.inTenant(tenantId, now);
    }

    @Override
    public int purgeExpired(Instant now) {
        return real.purgeExpired(now);
    }

    @Override
    public void revoke(Revocation revocation) {
        real.revoke(revocation);
    }

    @Override
    public List<Revocation> revocations(Instant now) {
        return real.revocations(now);
    }
}
