package org.hotdesk.core.trunk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Persistence port for trunks and their DIDs. A DID's digits are unique across all tenants. */
public interface TrunkStore {
    /** @param dids each DID as entered and the extension it rings */
    Trunk insert(long tenantId, String name, List<String> sourceCidrs, Map<PhoneNumber, String> dids, Instant createdAt);

    Optional<Trunk> findById(long id);

    List<Trunk> list(long tenantId);

    /** Every tenant's trunks: what the router looks an INVITE's source up in. */
    List<Trunk> all();

    /** The trunk that has this DID (by its digits), in any tenant. */
    Optional<Trunk> findByDid(PhoneNumber number);

    /** Replaces name, networks and DIDs. */
    void update(long id, String name, List<String> sourceCidrs, Map<PhoneNumber, String> dids);

    void delete(long id);
}
