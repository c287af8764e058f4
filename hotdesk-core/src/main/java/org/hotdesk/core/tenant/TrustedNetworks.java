package org.hotdesk.core.tenant;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hotdesk.core.error.InvalidInputException;

/**
 * The networks (IPv4 and IPv6 CIDRs) a tenant's phones are in. A phone's own hot-desk key turns the PIN
 * into a SIP password, so such registrations are accepted only from here (Infinity PBX whitelists IPv4
 * CIDRs; innovaphone says to filter by IP).
 */
public record TrustedNetworks(List<String> cidrs) {
    public static final TrustedNetworks NONE = new TrustedNetworks(List.of());

    // only literal addresses: a host name here would make the check depend on DNS
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    public TrustedNetworks {
        List<String> normalised = new ArrayList<>();
        for (String raw : cidrs == null ? List.<String>of() : cidrs) {
            normalised.add(parse(raw).toString());
        }
        cidrs = List.copyOf(normalised);
    }

    public boolean contains(String address) {
        InetAddress a;
        try {
            if (address == null || !LITERAL.matcher(address).matches()) return false;
            a = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return false;
        }
        return cidrs.stream().map(TrustedNetworks::parse).anyMatch(c -> c.contains(a));
    }

    private record Cidr(InetAddress network, int prefix) {
        boolean contains(InetAddress a) {
            byte[] n = network.getAddress();
            byte[] x = a.getAddress();
            if (n.length != x.length) return false;
            BigInteger mask = BigInteger.ONE.shiftLeft(n.length * 8).subtract(BigInteger.ONE)
                    .shiftRight(prefix).not();
            return new BigInteger(1, n).and(mask).equals(new BigInteger(1, x).and(mask));
        }

        @Override
        public String toString() {
            return network.getHostAddress() + "/" + prefix;
        }
    }

    private static Cidr parse(String raw) {
        String text = raw == null ? "" : raw.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        try {
            if (address.isEmpty() || !LITERAL.matcher(address).matches()) throw new UnknownHostException(address);
            InetAddress a = InetAddress.getByName(address);
            int bits = a.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) throw new NumberFormatException();
            return new Cidr(a, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new InvalidInputException("trustedCidrs", "'" + raw + "' is not a network such as 192.0.2.0/24 or 2001:db8::/32");
        }
    }
}
