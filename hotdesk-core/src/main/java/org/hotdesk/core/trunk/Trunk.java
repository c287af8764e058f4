package org.hotdesk.core.trunk;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.tenant.Cidr;

/**
 * A tenant's connection to the telephone network (a SIP trunk from a carrier, or a PBX in front): its INVITEs come
 * from {@code sourceCidrs} and are not challenged; the Request-URI's user is one of its {@code dids}, which rings
 * the mapped extension like an internal call.
 *
 * @param sourceCidrs the networks its INVITEs come from, normalised ({@code 192.0.2.10/32})
 * @param dids        each DID (as entered) and the extension it rings, in the order given
 */
public record Trunk(long id, long tenantId, String name, List<String> sourceCidrs, Map<String, String> dids,
                    Instant createdAt) {
    public Trunk {
        sourceCidrs = List.copyOf(sourceCidrs);
        dids = Collections.unmodifiableMap(new LinkedHashMap<>(dids));
    }

    /** True when an INVITE from {@code address} comes from this trunk. */
    public boolean isSource(String address) {
        return sourceCidrs.stream().anyMatch(c -> Cidr.parse(c, "sourceCidrs").contains(address));
    }

    /** The extension {@code number} rings, or null when it is not one of this trunk's DIDs. */
    public String extensionFor(PhoneNumber number) {
        for (Map.Entry<String, String> did : dids.entrySet()) {
            if (new PhoneNumber(did.getKey()).digits().equals(number.digits())) return did.getValue();
        }
        return null;
    }
}
