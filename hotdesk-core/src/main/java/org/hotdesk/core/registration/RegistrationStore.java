package org.hotdesk.core.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence port for SIP bindings. Kept in the database so a restarted server still reaches every phone
 * (phones re-register only when their binding runs out, up to an hour later) and so the admin tools in
 * other processes see who is registered.
 *
 * @see Registrations the read side the rest of the server uses
 */
public interface RegistrationStore {
    /**
     * Adds a binding, replacing the account's binding with the same {@code +sip.instance} or the same contact.
     *
     * @param contactKey the contact normalised by the SIP side ({@code user@host:port}), for lookups by contact
     */
    void save(String accountKey, String contactKey, Registration binding);

    void remove(String accountKey, String contactKey);

    void removeAll(String accountKey);

    /** Bindings of an account that have not expired at {@code now}, oldest first. */
    List<Registration> ofAccount(String accountKey, Instant now);

    List<Registration> inTenant(long tenantId, Instant now);

    Optional<Registration> byContact(String contactKey, Instant now);

    /** Deletes bindings expired at {@code now}, and revocations that ran out; returns how many bindings. */
    int purgeExpired(Instant now);

    /** Refuses the refresh of a user's phone-key binding on a device (by its Call-ID) until {@code until}. */
    void revoke(long deviceId, long userId, String callId, Instant until);

    boolean isRevoked(long deviceId, long userId, String callId, Instant now);
}
