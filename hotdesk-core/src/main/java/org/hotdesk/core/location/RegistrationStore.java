package org.hotdesk.core.location;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Persistence port for SIP bindings. The {@link LocationService} holds them in memory and writes them here behind
 * the registrar (in batches), so a restarted server still reaches every phone (phones re-register only when their
 * binding runs out, up to an hour later) and the admin tools in other processes see who is registered.
 */
public interface RegistrationStore {
    /** Every binding not expired at {@code now}, in no particular order (a start-up reads 100,000 of them: no sort). */
    List<Registration> active(Instant now);

    /**
     * In one transaction: makes the stored bindings of each account in {@code rewritten} exactly the given ones (none
     * removes them all), and updates each of {@code refreshed} in place (same account and contact; stored anew if its
     * row is missing).
     */
    void write(Map<String, List<Registration>> rewritten, List<Registration> refreshed);

    /** Bindings of an account that have not expired at {@code now}, oldest first. */
    List<Registration> ofAccount(String accountKey, Instant now);

    /** {@link #ofAccount} for many accounts in one read (a cluster node re-reading what another wrote). */
    default Map<String, List<Registration>> ofAccounts(Collection<String> accountKeys, Instant now) {
        Map<String, List<Registration>> found = new HashMap<>();
        for (String key : accountKeys) found.put(key, ofAccount(key, now));
        return found;
    }

    List<Registration> inTenant(long tenantId, Instant now);

    /** Deletes bindings expired at {@code now}, and revocations that ran out; returns how many bindings. */
    int purgeExpired(Instant now);

    /** Refuses the refresh of a user's phone-key binding on a device (by its Call-ID) until {@code until}. */
    void revoke(Revocation revocation);

    /** Revocations still in force at {@code now}. */
    List<Revocation> revocations(Instant now);

    /**
     * Tells {@code accountKeys} which accounts' bindings another node of a cluster on the same database wrote (after
     * it committed), so this node re-reads them. A database only one server uses (H2) never calls it.
     */
    default void whenWrittenElsewhere(Consumer<List<String>> accountKeys) {
    }
}
