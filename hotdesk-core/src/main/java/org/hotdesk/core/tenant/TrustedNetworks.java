package org.hotdesk.core.tenant;

import java.util.ArrayList;
import java.util.List;

/**
 * The networks (IPv4 and IPv6 CIDRs) a tenant's phones are in. A phone's own hot-desk key turns the PIN
 * into a SIP password, so such registrations are accepted only from here (Infinity PBX whitelists IPv4
 * CIDRs; innovaphone says to filter by IP).
 */
public record TrustedNetworks(List<String> cidrs) {
    public static final TrustedNetworks NONE = new TrustedNetworks(List.of());

    public TrustedNetworks {
        List<String> normalised = new ArrayList<>();
        for (String raw : cidrs == null ? List.<String>of() : cidrs) {
            normalised.add(Cidr.parse(raw, "trustedCidrs").toString());
        }
        cidrs = List.copyOf(normalised);
    }

    public boolean contains(String address) {
        return cidrs.stream().map(c -> Cidr.parse(c, "trustedCidrs")).anyMatch(c -> c.contains(address));
    }
}
